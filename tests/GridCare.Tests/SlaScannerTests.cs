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

        // Ten minutes before the deadline both scanners warn; after it both try to escalate.
        var time = new FakeTimeProvider(new DateTimeOffset(arrivalDue.AddMinutes(-10), TimeSpan.Zero));
        var first = Scanner(time);
        var second = Scanner(time);
        var warned = await Task.WhenAll(first.RunOnceAsync(CancellationToken.None), second.RunOnceAsync(CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(11));
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
        Options.Create(new SlaOptions { WarnBeforeMinutes = 30 }),
        time,
        NullLogger<ScanSlaDeadlines>.Instance);
}

public sealed class SqliteSlaScannerTests(SqliteFactory factory) : SlaScannerTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresSlaScannerTests(PostgresFactory factory) : SlaScannerTests(factory), IClassFixture<PostgresFactory>;
