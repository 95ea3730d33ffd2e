using GridCare.Features.Notifications;
using GridCare.Platform.Database;
using GridCare.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCare.Tests;

public abstract class NotificationOutboxTests(GridCareFactory factory)
{
    private static readonly Dictionary<string, string> PlannedValues = new()
    {
        ["area"] = "城关镇东街",
        ["start"] = "12月3日 08:00",
        ["end"] = "12月3日 12:00",
        ["reason"] = "线路检修",
        ["customers"] = "3",
    };

    [Fact]
    public async Task Enqueue_SameEventTwice_StoresEachCustomerAndChannelOnce_RenderedInTheirLanguage()
    {
        factory.EnsureAvailable();
        var customers = await CustomersAsync(3, skip: 0);
        await SetPreferenceAsync(customers[1], [NotificationChannel.Email, NotificationChannel.Sms], "en", email: "li@example.cn");
        var request = new NotificationRequest("test:planned:1", NotificationTemplates.OutagePlanned, customers, PlannedValues, SubjectType: "outage", SubjectId: "T1");

        var first = await EnqueueAndSaveAsync(request);
        var again = await EnqueueAndSaveAsync(request);
        var twiceInOneContext = await EnqueueTwiceInOneContextAsync(request with { EventKey = "test:planned:2", SubjectId = "T2" });
        var rows = await RowsAsync("test:planned:1");
        var deliveries = await WithDbAsync(db => NotificationQueries.ForSubjectAsync(db, "outage", "T1", TestContext.Current.CancellationToken));

        Assert.Equal((4, 0, 4), (first, again, twiceInOneContext));
        Assert.Equal(4, rows.Count);
        Assert.Equal(4, deliveries.Count);
        var chinese = Assert.Single(rows, r => r.CustomerId == customers[0]);
        Assert.Equal((NotificationChannel.Sms, "zh-CN", "计划停电通知"), (chinese.Channel, chinese.Language, chinese.Subject));
        Assert.Equal("【GridCare】因线路检修，城关镇东街将于12月3日 08:00至12月3日 12:00停电，请提前做好准备。", chinese.Text);
        Assert.True(chinese.Text.Length <= 70);
        Assert.NotNull(chinese.Recipient);
        var english = rows.Where(r => r.CustomerId == customers[1]).OrderBy(r => r.Channel).ToList();
        Assert.Equal([NotificationChannel.Sms, NotificationChannel.Email], english.Select(r => r.Channel));
        Assert.Equal("li@example.cn", english[1].Recipient);
        Assert.Equal("Power in 城关镇东街 will be off from 12月3日 08:00 to 12月3日 12:00 for 线路检修. Please prepare in advance.", english[1].Text);
        Assert.StartsWith("【GridCare】Power in", english[0].Text, StringComparison.Ordinal);
        Assert.All(deliveries, d => Assert.Equal(("test:planned:1", "outage.planned"), (d.EventKey, d.Template)));
    }

    [Fact]
    public async Task Enqueue_OptedOutCustomer_StoresASkippedRow_ExceptForEmergencies()
    {
        factory.EnsureAvailable();
        var customers = await CustomersAsync(1, skip: 10);
        await SetPreferenceAsync(customers[0], [NotificationChannel.Sms], "zh-CN", optOut: true);
        var values = new Dictionary<string, string> { ["area"] = "六龙村", ["etr"] = "16:30" };

        await EnqueueAndSaveAsync(new NotificationRequest("test:etr:1", NotificationTemplates.OutageEtrChanged, customers, values));
        await EnqueueAndSaveAsync(new NotificationRequest("test:detected:1", NotificationTemplates.OutageDetected, customers, values, Emergency: true));

        var skipped = Assert.Single(await RowsAsync("test:etr:1"));
        var emergency = Assert.Single(await RowsAsync("test:detected:1"));
        Assert.Equal((NotificationStatus.Skipped, "opted-out"), (skipped.Status, skipped.LastError));
        Assert.NotEqual(NotificationStatus.Skipped, emergency.Status);
        Assert.Equal("【GridCare】六龙村发生故障停电，我们正在抢修，预计16:30恢复供电。", emergency.Text);
    }

    [Fact]
    public async Task Enqueue_ThousandsOfIdsWithRepeats_StoresOneRowPerCustomer()
    {
        factory.EnsureAvailable();
        var customers = await CustomersAsync(1400, skip: 100);
        var many = customers.Concat(customers).Concat(customers).ToList();

        var added = await EnqueueAndSaveAsync(new NotificationRequest("test:many:1", NotificationTemplates.OutageRestored, many, new Dictionary<string, string> { ["area"] = "全县", ["restoredAt"] = "18:00" }));

        Assert.Equal(customers.Count, added);
        Assert.Equal(customers.Count, await WithDbAsync(db => db.Set<NotificationMessage>().CountAsync(m => m.EventKey == "test:many:1", TestContext.Current.CancellationToken)));
    }

    private async Task<List<long>> CustomersAsync(int count, int skip) =>
        await WithDbAsync(db => db.Customers.OrderBy(c => c.Id).Skip(skip).Take(count).Select(c => c.Id).ToListAsync(TestContext.Current.CancellationToken));

    private Task<int> EnqueueAndSaveAsync(NotificationRequest request) => WithDbAsync(async db =>
    {
        var added = NotificationOutbox.Enqueue(db, request);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return added;
    });

    private Task<int> EnqueueTwiceInOneContextAsync(NotificationRequest request) => WithDbAsync(async db =>
    {
        var added = NotificationOutbox.Enqueue(db, request) + NotificationOutbox.Enqueue(db, request);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return added;
    });

    private Task<List<NotificationMessage>> RowsAsync(string eventKey) =>
        WithDbAsync(db => db.Set<NotificationMessage>().AsNoTracking().Where(m => m.EventKey == eventKey).ToListAsync(TestContext.Current.CancellationToken));

    private Task<int> SetPreferenceAsync(long customerId, NotificationChannel[] channels, string language, string? email = null, bool optOut = false) => WithDbAsync(async db =>
    {
        var preference = NotificationPreference.For(customerId);
        preference.Change(new NotificationPreferenceValues(channels, null, null, null, email, language, true, QuietHours.DefaultStartMinute, QuietHours.DefaultEndMinute, optOut), DateTime.UnixEpoch, "test");
        db.Add(preference);
        return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    });

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

public sealed class SqliteNotificationOutboxTests(SqliteFactory factory) : NotificationOutboxTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresNotificationOutboxTests(PostgresFactory factory) : NotificationOutboxTests(factory), IClassFixture<PostgresFactory>;
