using GridCare.Features.WorkOrders;
using GridCare.Platform.Database;
using GridCare.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Tests;

public abstract class SlaScannerTests(GridCareFactory factory)
{
    [Fact]
    public async Task Scan_TwoInstancesAtOnce_EscalateABreachedOrderExactlyOnce()
    {
        var agent = await factory.ClientForAsync("agent");
        var customer = await IntakeTests.CustomerAsync(agent, "014", 20);
        var (_, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "hotline",
            externalId = Guid.NewGuid().ToString("N"),
            accountNumber = customer["accountNumber"]!.GetValue<string>(),
            text = "整个单元都停电了",
            type = "repair",
            occurredAt = "2026-11-27T09:00:00+08:00",
        }));
        var number = body!["order"]!["number"]!.GetValue<string>();
        var arrivalDue = body["order"]!["sla"]!["arrivalDueAt"]!.GetValue<DateTime>().ToUniversalTime();

        // With 80 % of the 45 minutes used (nine minutes before the deadline) both scanners warn; after it both escalate.
        var time = new FakeTimeProvider(new DateTimeOffset(arrivalDue.AddMinutes(-9), TimeSpan.Zero));
        var first = Scanner(time);
        var second = Scanner(time);
        var warned = await Task.WhenAll(first.RunOnceAsync(CancellationToken.None), second.RunOnceAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(10));
        var breached = await Task.WhenAll(first.RunOnceAsync(CancellationToken.None), second.RunOnceAsync(CancellationToken.None));
        var again = await first.RunOnceAsync(CancellationToken.None);

        var order = await agent.GetJsonAsync($"/api/v1/work-orders/{number}");
        var history = order["history"]!.AsArray().Select(h => h!["action"]!.GetValue<string>()).ToList();
        Assert.Equal(1, warned.Sum(r => r.Warned));
        Assert.Equal(1, breached.Sum(r => r.Breached));
        Assert.Single(history, a => a == "MarkWarned");
        Assert.Single(history, a => a == "MarkBreached");
        Assert.Equal(0, again.Breached);
        Assert.True(order["order"]!["sla"]!["isBreached"]!.GetValue<bool>());
        Assert.Equal("High", order["order"]!["priority"]!.GetValue<string>());
        Assert.Contains(order["entries"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "SystemEvent" && !e["isCustomerVisible"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Scan_WarnsWhen80PercentOfTheTimeIsUsed_NotBefore()
    {
        var agent = await factory.ClientForAsync("agent");
        var customer = await IntakeTests.CustomerAsync(agent, "014", 22);

        // A complaint on Friday 2026-11-13 at 16:00: first contact within one working day, i.e. by Monday 17:30.
        // One working day is 7 working hours, 80 % of it 5 h 36 min: Monday 08:30–12:00 and 14:00–16:06.
        var (_, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "hotline",
            externalId = Guid.NewGuid().ToString("N"),
            accountNumber = customer["accountNumber"]!.GetValue<string>(),
            text = "营业厅工作人员推诿",
            type = "complaint",
            complaintClass = "service",
            occurredAt = "2026-11-13T16:00:00+08:00",
        }));
        var number = body!["order"]!["number"]!.GetValue<string>();
        var sla = body["order"]!["sla"]!;
        var warningAt = new DateTime(2026, 11, 16, 8, 6, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 11, 16, 9, 30, 0, DateTimeKind.Utc), sla["firstContactDueAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(warningAt, sla["nextSlaWarningAt"]!.GetValue<DateTime>().ToUniversalTime());

        var time = new FakeTimeProvider(new DateTimeOffset(warningAt.AddMinutes(-1), TimeSpan.Zero));
        var early = await Scanner(time).RunOnceAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        var onTime = await Scanner(time).RunOnceAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(90));
        var late = await Scanner(time).RunOnceAsync(CancellationToken.None);

        var history = (await agent.GetJsonAsync($"/api/v1/work-orders/{number}"))["history"]!.AsArray();
        Assert.Equal(0, early.Warned);
        Assert.Equal(1, onTime.Warned);
        var warning = Assert.Single(history, h => h!["action"]!.GetValue<string>() == "MarkWarned");
        Assert.Equal(warningAt, warning!["at"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(1, late.Breached);
    }

    [Fact]
    public async Task Save_TwoWritersFromTheSameVersion_TheSecondIsRejected()
    {
        var agent = await factory.ClientForAsync("agent");
        var customer = await IntakeTests.CustomerAsync(agent, "014", 21);
        var (_, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "hotline",
            externalId = Guid.NewGuid().ToString("N"),
            accountNumber = customer["accountNumber"]!.GetValue<string>(),
            text = "电表箱冒烟",
            type = "repair",
            occurredAt = "2026-11-27T09:00:00+08:00",
        }));
        var number = body!["order"]!["number"]!.GetValue<string>();
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var late = new DateTime(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc);

        // Both scanners read the order before either writes, as two instances do when their scans overlap.
        await using var first = await dbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        await using var second = await dbFactory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var a = await first.WorkOrders.SingleAsync(w => w.Number == number, TestContext.Current.CancellationToken);
        var b = await second.WorkOrders.SingleAsync(w => w.Number == number, TestContext.Current.CancellationToken);
        Assert.True(a.MarkBreached(late));
        Assert.True(b.MarkBreached(late));
        await first.SaveChangesAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    private ScanSlaDeadlines Scanner(TimeProvider time) => new(
        factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(),
        Options.Create(new SlaOptions()),
        time,
        NullLogger<ScanSlaDeadlines>.Instance);
}

public sealed class SqliteSlaScannerTests(SqliteFactory factory) : SlaScannerTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresSlaScannerTests(PostgresFactory factory) : SlaScannerTests(factory), IClassFixture<PostgresFactory>;
