using GridCare.Features.Notifications;
using GridCare.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Tests;

/// <summary>Quiet hours on a clock the test moves: 23:00 China time, then the next morning.</summary>
public abstract class NotificationQuietHoursTests(GridCareFactory factory, FakeTimeProvider clock)
{
    [Fact]
    public async Task NonEmergency_InQuietHours_WaitsUntil0700ChinaTime_EmergencyGoesAtOnce()
    {
        factory.EnsureAvailable();
        var now = clock.GetUtcNow();
        var at2300 = new DateTimeOffset(now.UtcDateTime.Date.AddHours(15), TimeSpan.Zero);
        clock.SetUtcNow(at2300 > now ? at2300 : at2300.AddDays(1));
        var nextMorning = clock.GetUtcNow().UtcDateTime.AddHours(8);
        var customers = await factory.CustomersWithPhoneAsync(2, skip: 50);
        var values = new Dictionary<string, string> { ["area"] = "六龙村", ["start"] = "12月3日 08:00", ["end"] = "12月3日 12:00", ["reason"] = "线路检修", ["customers"] = "2" };

        await factory.EnqueueAsync(new NotificationRequest("t:quiet:planned", NotificationTemplates.OutagePlanned, customers, values));
        await factory.EnqueueAsync(new NotificationRequest("t:quiet:detected", NotificationTemplates.OutageDetected, customers, new Dictionary<string, string> { ["area"] = "六龙村", ["etr"] = "01:30" }, Emergency: true));
        await DispatchAsync();
        var emergency = await factory.WaitForAsync("t:quiet:detected", rows => rows.All(r => r.Status == NotificationStatus.Sent));
        var waiting = await factory.MessagesAsync("t:quiet:planned");
        clock.SetUtcNow(nextMorning.AddMinutes(-1));
        await DispatchAsync();
        var stillWaiting = await factory.MessagesAsync("t:quiet:planned");
        clock.SetUtcNow(nextMorning);
        await DispatchAsync();
        var morning = await factory.WaitForAsync("t:quiet:planned", rows => rows.All(r => r.Status == NotificationStatus.Sent));

        Assert.Equal(2, emergency.Count);
        Assert.All(emergency, m => Assert.Equal(LoggedProvider, m.ProviderMessageId));
        Assert.All(waiting.Concat(stillWaiting), m => Assert.Equal((NotificationStatus.Pending, nextMorning, 0), (m.Status, m.NextAttemptAt, m.Attempts)));
        Assert.All(morning, m => Assert.Equal((nextMorning, 1), (m.SentAt, m.Attempts)));
    }

    [Fact]
    public async Task CustomerWithoutQuietHours_GetsANoticeAtNight()
    {
        factory.EnsureAvailable();
        var customer = (await factory.CustomersWithPhoneAsync(1, skip: 60))[0];
        await factory.PreferAsync(customer, new NotificationPreferenceValues([NotificationChannel.Sms], null, null, null, null, "zh-CN", false, 0, 0, false));
        var now = clock.GetUtcNow();
        var at2300 = new DateTimeOffset(now.UtcDateTime.Date.AddHours(15), TimeSpan.Zero);
        clock.SetUtcNow(at2300 > now ? at2300 : at2300.AddDays(1));

        await factory.EnqueueAsync(new NotificationRequest("t:quiet:off", NotificationTemplates.OutageCancelled, [customer], new Dictionary<string, string> { ["area"] = "六龙村", ["start"] = "12月3日 08:00" }));
        await DispatchAsync();

        var sent = Assert.Single(await factory.WaitForAsync("t:quiet:off", rows => rows.All(r => r.Status == NotificationStatus.Sent)));
        Assert.Equal(clock.GetUtcNow().UtcDateTime, sent.SentAt);
    }

    private const string LoggedProvider = "log";

    private async Task DispatchAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DispatchNotifications>().RunOnceAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class SqliteNotificationQuietHoursTests(SqliteClockFactory factory)
    : NotificationQuietHoursTests(factory, factory.Clock), IClassFixture<SqliteClockFactory>;

public sealed class PostgresNotificationQuietHoursTests(PostgresClockFactory factory)
    : NotificationQuietHoursTests(factory, factory.Clock), IClassFixture<PostgresClockFactory>;
