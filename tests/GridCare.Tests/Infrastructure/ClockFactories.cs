using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Tests.Infrastructure;

/// <summary>
/// The app on a <see cref="FakeTimeProvider"/> that tests move forward, for rules that depend on elapsed time
/// (revisits falling due, invitation links expiring). Revisits fall due after an hour and links last two hours here,
/// and bearer tokens a day, so a class of tests can move the clock several hours without signing in again.
/// </summary>
internal static class ClockSettings
{
    public static void Apply(IWebHostBuilder builder, FakeTimeProvider clock)
    {
        builder.UseSetting("GridCare:Revisits:DueAfter", "01:00:00");
        builder.UseSetting("GridCare:Revisits:LinkLifetime", "02:00:00");
        builder.UseSetting("GridCare:Revisits:PublicBaseUrl", "https://95598.example.cn/");
        builder.UseSetting("GridCare:Auth:TokenLifetimeMinutes", "1440");
        builder.UseSetting("GridCare:Portal:PostsPerWindow", "1000");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
    }
}

public sealed class SqliteClockFactory : SqliteFactory
{
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ClockSettings.Apply(builder, Clock);
    }
}

public sealed class PostgresClockFactory(PostgresServer server) : PostgresFactory(server)
{
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ClockSettings.Apply(builder, Clock);
    }
}
