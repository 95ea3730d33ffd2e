using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Tests.Infrastructure;

/// <summary>
/// The app with the notification channels on local fakes (<see cref="NotificationFakes"/>) and a fake clock standing at
/// Tuesday 1 December 2026, 10:00 China time — outside everyone's quiet hours, so campaign messages go out at once.
/// </summary>
internal static class CampaignSettings
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));

    public static void Apply(IWebHostBuilder builder, NotificationFakes fakes, FakeTimeProvider clock)
    {
        fakes.Apply(builder);
        ClockSettings.Apply(builder, clock);
    }
}

public sealed class SqliteCampaignFactory : SqliteFactory
{
    public NotificationFakes Fakes { get; private set; } = default!;

    public FakeTimeProvider Clock { get; } = new(CampaignSettings.Now);

    public override async ValueTask InitializeAsync()
    {
        Fakes = await NotificationFakes.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Fakes.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        CampaignSettings.Apply(builder, Fakes, Clock);
    }
}

public sealed class PostgresCampaignFactory(PostgresServer server) : PostgresFactory(server)
{
    public NotificationFakes Fakes { get; private set; } = default!;

    public FakeTimeProvider Clock { get; } = new(CampaignSettings.Now);

    public override async ValueTask InitializeAsync()
    {
        Fakes = await NotificationFakes.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Fakes.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        CampaignSettings.Apply(builder, Fakes, Clock);
    }
}
