using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridCare.Domain.Outages;
using GridCare.Platform.Database;
using GridCare.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Tests;

public abstract class OutageDetectionTests(GridCareFactory factory, FakeTimeProvider clock)
{
    [Fact]
    public async Task FiftyLastGasps_AndTenCalls_UnderABranchSwitch_AreOneOutageOnThatSwitch_WithOneRepairOrder()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var agent = await factory.ClientForAsync("agent");
        var branch = (await DemoNetwork.BranchesAsync(factory))[0];
        var (meters, callers) = Split(branch, meters: 50, callers: 10);
        var at = clock.GetUtcNow();

        var (eventsStatus, received, _) = await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/meter-events", Events(meters.Select(m => (m.MeterNumber, "powerOff")), at));
        var orders = new List<string>();
        foreach (var caller in callers)
        {
            orders.Add((await CallAsync(agent, caller))["order"]!["number"]!.GetValue<string>());
        }

        await OutageRuns.DetectAsync(factory);
        var tooEarly = await OutagesOnAsync(dispatcher, branch.Code);
        clock.Advance(TimeSpan.FromSeconds(45));
        await OutageRuns.DetectAsync(factory);

        Assert.Equal(202, eventsStatus);
        Assert.Equal((50, 0), (received!["accepted"]!.GetValue<int>(), received["duplicates"]!.GetValue<int>()));
        Assert.Empty(tooEarly);
        var outage = Assert.Single(await OutagesOnAsync(dispatcher, branch.Code));
        Assert.Equal(("Active", "MeterEvent"), (outage["status"]!.GetValue<string>(), outage["source"]!.GetValue<string>()));
        Assert.Equal((await DemoNetwork.CustomersBelowAsync(factory, branch.Id)).Count, outage["customerCount"]!.GetValue<int>());
        Assert.Equal((10, 50), (outage["callCount"]!.GetValue<int>(), outage["signalCount"]!.GetValue<int>()));
        Assert.InRange(outage["confidence"]!.GetValue<double>(), 0.5, 1);

        // The first caller's order is the outage's repair order; the other nine are merged into it.
        Assert.Equal(orders[0], outage["repairOrderNumber"]!.GetValue<string>());
        var repair = await dispatcher.GetJsonAsync($"/api/v1/work-orders/{orders[0]}");
        Assert.Equal(10, repair["order"]!["contactCount"]!.GetValue<int>());
        foreach (var merged in orders.Skip(1))
        {
            Assert.Equal(orders[0], (await dispatcher.GetJsonAsync($"/api/v1/work-orders/{merged}"))["mergedIntoNumber"]!.GetValue<string>());
        }

        var notices = await NoticesAsync(dispatcher, outage["number"]!.GetValue<string>());
        Assert.Equal(outage["customerCount"]!.GetValue<int>(), notices.Count(n => n["template"]!.GetValue<string>() == "outage.detected"));
    }

    [Fact]
    public async Task RetriedEventBatch_StoresNothingTwice_AndABadEventRejectsTheWholeBatch()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var branch = (await DemoNetwork.BranchesAsync(factory))[1];
        var events = branch.Customers.Take(3).Select(c => (c.MeterNumber, "powerOff")).ToList();
        var at = clock.GetUtcNow();

        var (_, first, _) = await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/meter-events", Events(events, at, idPrefix: "retry"));
        var (_, again, _) = await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/meter-events", Events(events, at, idPrefix: "retry"));
        var (badStatus, bad, _) = await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/meter-events", Events([.. events, ("NO-SUCH-METER", "powerOff"), (events[0].MeterNumber, "trip")], at, idPrefix: "bad"));

        Assert.Equal((3, 0), (first!["accepted"]!.GetValue<int>(), first["duplicates"]!.GetValue<int>()));
        Assert.Equal((0, 3), (again!["accepted"]!.GetValue<int>(), again["duplicates"]!.GetValue<int>()));
        Assert.Equal(400, badStatus);
        Assert.Equal(["events[3].device", "events[4].type"], bad!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(0, await SignalCountAsync("bad-"));
    }

    [Fact]
    public async Task SingleCustomer_WithArrearsOnRecord_IsNotDispatched_ButACustomerSideCaseIsNotedOnTheCallersOrder()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var agent = await factory.ClientForAsync("agent");
        var branch = (await DemoNetwork.BranchesAsync(factory))[2];
        var inArrears = branch.ByTransformer[0][0];
        var customerSide = branch.ByTransformer[1][0];
        await OutageRuns.DisconnectForArrearsAsync(factory, inArrears.Id, clock.GetUtcNow().AddDays(-2).UtcDateTime);

        await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/meter-events", Events([(inArrears.MeterNumber, "powerOff")], clock.GetUtcNow()));
        var call = await CallAsync(agent, customerSide);
        clock.Advance(TimeSpan.FromSeconds(45));
        await OutageRuns.DetectAsync(factory);

        Assert.Empty(await OutagesOnAsync(dispatcher, branch.Code));
        Assert.Empty(await OutagesOnAsync(dispatcher, await OutageRuns.CodeOfAsync(factory, inArrears.TransformerId)));
        Assert.Equal(0, await OrdersOfAsync(inArrears.Id));
        Assert.StartsWith("Arrears disconnection on record", await ConclusionAsync(inArrears.Id), StringComparison.Ordinal);
        var order = await dispatcher.GetJsonAsync($"/api/v1/work-orders/{call["order"]!["number"]}");
        Assert.Contains(order["entries"]!.AsArray(), e => e!["text"]!.GetValue<string>().Contains("customer-side fault suspected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CallFromInsideAKnownOutage_IsLinkedAndToldTheEtr_WithoutANewOrder_ThenPowerOnRestoresInSteps()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var agent = await factory.ClientForAsync("agent");
        var branch = (await DemoNetwork.BranchesAsync(factory))[3];
        await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/scada-events", ApiJson.Json(new
        {
            events = new[] { new { eventId = "trip-" + Guid.NewGuid().ToString("N"), device = branch.Code, type = "trip", occurredAt = clock.GetUtcNow() } },
        }));
        await OutageRuns.DetectAsync(factory);
        var outage = Assert.Single(await OutagesOnAsync(dispatcher, branch.Code));
        var number = outage["number"]!.GetValue<string>();

        var repairPath = $"/api/v1/work-orders/{outage["repairOrderNumber"]!.GetValue<string>()}";
        var entriesBefore = (await dispatcher.GetJsonAsync(repairPath))["entries"]!.AsArray().Count;
        var (callStatus, call, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", Call(branch.ByTransformer[1][0]));
        var repair = await dispatcher.GetJsonAsync(repairPath);
        clock.Advance(TimeSpan.FromMinutes(40));
        var firstTransformer = branch.ByTransformer[0];
        await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/meter-events", Events(firstTransformer.Select(c => (c.MeterNumber, "powerOn")), clock.GetUtcNow(), spreadSeconds: 1));
        var partly = await dispatcher.GetJsonAsync($"/api/v1/outages/{number}");
        clock.Advance(TimeSpan.FromMinutes(30));
        var (closeStatus, _, _) = await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/scada-events", ApiJson.Json(new
        {
            events = new[] { new { eventId = "close-" + Guid.NewGuid().ToString("N"), device = branch.Code, type = "close", occurredAt = clock.GetUtcNow() } },
        }));
        var restored = await dispatcher.GetJsonAsync($"/api/v1/outages/{number}");

        Assert.Equal(("Scada", 1.0), (outage["source"]!.GetValue<string>(), outage["confidence"]!.GetValue<double>()));
        Assert.Equal(201, callStatus);
        Assert.Equal(number, call!["outage"]!["number"]!.GetValue<string>());
        Assert.Equal(outage["etr"]!.GetValue<DateTime>(), call["outage"]!["etr"]!.GetValue<DateTime>());
        Assert.Equal(outage["repairOrderNumber"]!.GetValue<string>(), call["order"]!["number"]!.GetValue<string>());
        Assert.Equal(0, await OrdersOfAsync(branch.ByTransformer[1][0].Id));
        Assert.Equal(entriesBefore + 1, repair["entries"]!.AsArray().Count);
        Assert.Equal("家里突然停电了，邻居家也没电", repair["entries"]!.AsArray()[^1]!["text"]!.GetValue<string>());
        Assert.Equal(("Active", firstTransformer.Count), (partly["outage"]!["status"]!.GetValue<string>(), partly["outage"]!["restoredCustomerCount"]!.GetValue<int>()));
        Assert.Equal(202, closeStatus);
        Assert.Equal("Restored", restored["outage"]!["status"]!.GetValue<string>());
        Assert.Equal(2, restored["steps"]!.AsArray().Count);
        Assert.Equal(1, restored["outage"]!["callCount"]!.GetValue<int>());
        var ledger = await OutageRuns.InterruptionsAsync(factory, number);
        Assert.Equal(firstTransformer.Count, ledger.Count(r => r.RestoredAt - r.InterruptedAt == TimeSpan.FromMinutes(40)));
        Assert.Equal(ledger.Count - firstTransformer.Count, ledger.Count(r => r.RestoredAt - r.InterruptedAt == TimeSpan.FromMinutes(70)));
    }

    private static (IReadOnlyList<DemoCustomer> Meters, IReadOnlyList<DemoCustomer> Callers) Split(DemoBranch branch, int meters, int callers)
    {
        // Across both transformers, so the deepest common device is the switch, not one transformer.
        var interleaved = branch.ByTransformer.SelectMany(t => t.Select((c, i) => (c, i))).OrderBy(x => x.i).Select(x => x.c).ToList();
        Assert.True(interleaved.Count >= meters + callers, $"{branch.Code} has {interleaved.Count} customers");
        return ([.. interleaved.Take(meters)], [.. interleaved.Skip(meters).Take(callers)]);
    }

    /// <summary>A batch of events; last gasps of one fault arrive spread over a few seconds (<paramref name="spreadSeconds"/>).</summary>
    private static JsonContent Events(IEnumerable<(string Device, string Type)> events, DateTimeOffset at, string? idPrefix = null, int spreadSeconds = 7)
    {
        var prefix = idPrefix ?? Guid.NewGuid().ToString("N")[..8];
        return ApiJson.Json(new
        {
            events = events.Select((e, i) => new { eventId = $"{prefix}-{i}", device = e.Device, type = e.Type, occurredAt = at.AddSeconds(i % spreadSeconds) }).ToArray(),
        });
    }

    private static JsonContent Call(DemoCustomer customer) => ApiJson.Json(new
    {
        channel = "hotline",
        externalId = Guid.NewGuid().ToString("N"),
        accountNumber = customer.AccountNumber,
        text = "家里突然停电了，邻居家也没电",
        type = "repair",
    });

    private static async Task<JsonNode> CallAsync(HttpClient agent, DemoCustomer customer)
    {
        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", Call(customer));
        Assert.True(status == 201, $"{status}: {body}");
        return body!;
    }

    private static async Task<IReadOnlyList<JsonNode>> OutagesOnAsync(HttpClient client, string deviceCode) =>
        [.. (await client.GetJsonAsync("/api/v1/outages?kind=unplanned")).AsArray().Where(o => o!["device"]!["code"]!.GetValue<string>() == deviceCode).Select(o => o!)];

    private async Task<int> OrdersOfAsync(long customerId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.WorkOrders.CountAsync(w => w.CustomerId == customerId, TestContext.Current.CancellationToken);
    }

    private async Task<int> SignalCountAsync(string idPrefix)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<OutageSignal>().CountAsync(s => s.ExternalId.StartsWith(idPrefix), TestContext.Current.CancellationToken);
    }

    private async Task<string?> ConclusionAsync(long customerId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<OutageSignal>().Where(s => s.CustomerId == customerId).Select(s => s.Conclusion).SingleAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<IReadOnlyList<JsonNode>> NoticesAsync(HttpClient client, string number) =>
        [.. (await client.GetJsonAsync($"/api/v1/notifications?subjectType=outage&subjectId={number}&limit=10000")).AsArray().Select(n => n!)];
}

public sealed class SqliteOutageDetectionTests(SqliteClockFactory factory) : OutageDetectionTests(factory, factory.Clock), IClassFixture<SqliteClockFactory>;

public sealed class PostgresOutageDetectionTests(PostgresClockFactory factory) : OutageDetectionTests(factory, factory.Clock), IClassFixture<PostgresClockFactory>;
