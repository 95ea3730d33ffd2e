using Microsoft.AspNetCore.Hosting;

namespace GridCare.Tests.Infrastructure;

/// <summary>The small demo area with its twelve months of generated work orders, for the complaint-risk tests.</summary>
public sealed class SqliteHistoryFactory : SqliteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder!.UseSetting("GridCare:Demo:WorkOrderHistory", "true");
        builder.UseSetting("GridCare:ComplaintRisk:Trees", "30");
    }
}

public sealed class PostgresHistoryFactory(PostgresServer server) : PostgresFactory(server)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder!.UseSetting("GridCare:Demo:WorkOrderHistory", "true");
        builder.UseSetting("GridCare:ComplaintRisk:Trees", "30");
    }
}
