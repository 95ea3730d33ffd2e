using Microsoft.AspNetCore.Hosting;

namespace GridCare.Tests.Infrastructure;

/// <summary>
/// The app with every notification channel pointed at local fakes on real sockets: the SMS and push gateway
/// (<see cref="FakeSmsGateway"/>) and an SMTP server (<see cref="FakeSmtpServer"/>); retries come after 1–2 s.
/// </summary>
public sealed class NotificationFakes : IAsyncDisposable
{
    private NotificationFakes(FakeSmsGateway gateway, FakeSmtpServer smtp) => (Gateway, Smtp) = (gateway, smtp);

    public FakeSmsGateway Gateway { get; }

    public FakeSmtpServer Smtp { get; }

    public static async Task<NotificationFakes> StartAsync() => new(await FakeSmsGateway.StartAsync(), FakeSmtpServer.Start());

    public IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("GridCare:Sms:GatewayUrl", Gateway.Url.ToString()),
        new("GridCare:Sms:Secret", FakeSmsGateway.Secret),
        new("GridCare:Push:GatewayUrl", Gateway.PushUrl.ToString()),
        new("GridCare:Push:Secret", FakeSmsGateway.Secret),
        new("GridCare:Email:Host", "127.0.0.1"),
        new("GridCare:Email:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("GridCare:Email:UseTls", "false"),
        new("GridCare:Email:From", "大方供电局 <notice@example.cn>"),
        new("GridCare:Notifications:PollSeconds", "1"),
        new("GridCare:Notifications:BatchSize", "10"),
        new("GridCare:Notifications:RetryDelay", "00:00:01"),
        new("GridCare:Notifications:MaxRetryDelay", "00:00:02"),
        new("GridCare:Notifications:MaxAttempts", "50"),
    ];

    public void Apply(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class SqliteNotificationFactory : SqliteFactory
{
    public NotificationFakes Fakes { get; private set; } = default!;

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
        Fakes.Apply(builder);
    }
}

public sealed class PostgresNotificationFactory(PostgresServer server) : PostgresFactory(server)
{
    public NotificationFakes Fakes { get; private set; } = default!;

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
        Fakes.Apply(builder);
    }
}
