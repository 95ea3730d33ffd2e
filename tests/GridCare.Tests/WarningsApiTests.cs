using System.Text.Json.Nodes;
using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

/// <summary>
/// Early warnings and proactive orders over the hand-built week of <see cref="HotTransformerWeek"/>: "hot" overloads
/// for an hour every day with one meter at 190 V, "lossy" loses 20 % of its energy, both in station GZBJ0102.
/// </summary>
public abstract class WarningsApiTests(GridCareFactory factory)
{
    private static readonly DateOnly Day = HotTransformerWeek.Day;

    [Fact]
    public async Task Evaluation_RaisesWarningsWithEvidence_ProactiveOrdersOpenOnlyWhereSwitchedOn_AndNothingTwice()
    {
        var week = await HotTransformerWeek.EnsureAsync(factory);
        var units = await HotTransformerWeek.UnitsAsync(factory);
        using var admin = await factory.ClientForAsync("admin");
        using var manager = await factory.ClientForAsync("manager");
        using var dispatcher = await factory.ClientForAsync("dispatcher");

        var first = await EvaluateAsync(admin, Day.AddDays(-1));
        var again = await EvaluateAsync(admin, Day.AddDays(-1));
        var today = await EvaluateAsync(admin, Day);

        var raised = (await ListAsync(manager, "status=all")).Select(w => $"{w["subjectCode"]} {w["rule"]}").Order(StringComparer.Ordinal).ToList();
        // One meter of many at 190 V keeps "hot" above the urban compliance target and below the pocket share: no voltage warning.
        Assert.Equal([$"{week.Hot} HeavyLoad", $"{week.Hot} Overload", $"{week.Lossy} LineLoss"], raised);
        Assert.Equal(raised.Count, first["raised"]!.GetValue<int>());
        Assert.Equal(0, first["ordersOpened"]!.GetValue<int>());
        Assert.Equal((0, first["findings"]!.GetValue<int>()), (again["raised"]!.GetValue<int>(), again["refreshed"]!.GetValue<int>()));
        Assert.Equal(0, today["raised"]!.GetValue<int>());
        var hot = await ListAsync(manager, $"transformer={week.Hot}");
        Assert.Equal(["HeavyLoad", "Overload"], hot.Select(w => w["rule"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var overload = hot.Single(w => w["rule"]!.GetValue<string>() == "Overload");
        Assert.Equal(("Critical", "LoadTransfer", "Open", 2), (overload["severity"]!.GetValue<string>(), overload["action"]!.GetValue<string>(), overload["status"]!.GetValue<string>(), overload["daysSeen"]!.GetValue<int>()));
        Assert.Equal((60, 1.2), (overload["evidence"]!["overloadMinutes"]!.GetValue<int>(), Math.Round(overload["evidence"]!["peakLoadRate"]!.GetValue<double>(), 9)));
        var loss = (await ListAsync(manager, $"transformer={week.Lossy}&rule=lineLoss")).Single();
        Assert.Equal(0.2, loss["evidence"]!["lineLossRate"]!.GetValue<double>(), 9);

        // A dispatcher sets the line loss aside; the station then switches proactive orders on.
        var acknowledged = await dispatcher.SendAsync(HttpMethod.Post, $"/api/v1/warnings/{loss["id"]}/acknowledge");
        Assert.Equal((200, "Acknowledged"), (acknowledged.Status, acknowledged.Body!["status"]!.GetValue<string>()));
        Assert.Equal(409, (await dispatcher.SendAsync(HttpMethod.Post, $"/api/v1/warnings/{loss["id"]}/acknowledge")).Status);
        Assert.Equal(204, (await manager.SendAsync(HttpMethod.Put, $"/api/v1/warnings/settings/{units["GZBJ0102"]}", ApiJson.Json(new { enabled = true }))).Status);
        var settings = await manager.GetJsonAsync("/api/v1/warnings/settings");
        Assert.True(settings.AsArray().Single(u => u!["orgUnitId"]!.GetValue<int>() == units["GZBJ0102"])!["enabled"]!.GetValue<bool>());

        var ordered = await EvaluateAsync(admin, Day);
        var twice = await EvaluateAsync(admin, Day);

        hot = await ListAsync(manager, $"transformer={week.Hot}");
        Assert.All(hot, w => Assert.Equal("OrderOpened", w["status"]!.GetValue<string>()));
        Assert.Equal(hot.Count, ordered["ordersOpened"]!.GetValue<int>());
        Assert.Equal(0, twice["ordersOpened"]!.GetValue<int>());
        Assert.Equal("Acknowledged", (await ListAsync(manager, $"transformer={week.Lossy}&rule=lineLoss")).Single()["status"]!.GetValue<string>());
        var number = hot.Single(w => w["rule"]!.GetValue<string>() == "Overload")["workOrderNumber"]!.GetValue<string>();
        var detail = await dispatcher.GetJsonAsync($"/api/v1/work-orders/{number}");
        var order = detail["order"]!;
        Assert.Equal(("Repair", "Proactive", "High"), (order["type"]!.GetValue<string>(), order["channel"]!.GetValue<string>(), order["priority"]!.GetValue<string>()));
        var text = detail["entries"]![0]!["text"]!.GetValue<string>();
        Assert.StartsWith("【主动预警】配变过载", text, StringComparison.Ordinal);
        Assert.Contains(week.Hot, text, StringComparison.Ordinal);

        // An acknowledged warning still gets its order by hand, once.
        var manual = await dispatcher.SendAsync(HttpMethod.Post, $"/api/v1/warnings/{loss["id"]}/work-order");
        Assert.Equal((200, "OrderOpened"), (manual.Status, manual.Body!["status"]!.GetValue<string>()));
        Assert.Equal(409, (await dispatcher.SendAsync(HttpMethod.Post, $"/api/v1/warnings/{loss["id"]}/work-order")).Status);
    }

    [Fact]
    public async Task AVoltageComplaint_ShowsTheMeasuredEvidence_OfTheCustomerAndTheTransformer()
    {
        var week = await HotTransformerWeek.EnsureAsync(factory);
        using var agent = await factory.ClientForAsync("agent");
        using var crew = await factory.ClientForAsync("crew");
        var number = await HotTransformerWeek.VoltageComplaintAsync(agent, week);
        using var dispatcher = await factory.ClientForAsync("dispatcher");
        var clockError = new { eventId = "evidence-clock", device = week.LowMeter, type = "clockError", occurredAt = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8)) };
        Assert.Equal(202, (await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/meter-events", ApiJson.Json(new { events = new[] { clockError } }))).Status);

        var evidence = await agent.GetJsonAsync($"/api/v1/work-orders/{number}/evidence");

        Assert.Equal((week.LowMeterCustomer, "2026-10-28", "2026-11-26"), (evidence["customerId"]!.GetValue<long>(), evidence["from"]!.GetValue<string>(), evidence["to"]!.GetValue<string>()));
        var customer = evidence["customer"]!;
        Assert.Equal((7, 0.0, 7), (customer["daysWithData"]!.GetValue<int>(), customer["voltageCompliancePercent"]!.GetValue<double>(), customer["daysBelowTarget"]!.GetValue<int>()));
        Assert.Contains(week.LowMeter, customer["meters"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal([(week.LowMeter, "clockError")], customer["meterEvents"]!.AsArray().Select(m => (m!["meterNo"]!.GetValue<string>(), m["kind"]!.GetValue<string>())));
        var transformer = evidence["transformer"]!;
        Assert.Equal((week.Hot, 7, 7, 420), (transformer["code"]!.GetValue<string>(), transformer["daysWithData"]!.GetValue<int>(), transformer["overloadDays"]!.GetValue<int>(), transformer["overloadMinutes"]!.GetValue<int>()));
        Assert.Equal(120, transformer["maxPeakLoadPercent"]!.GetValue<double>(), 6);
        Assert.Equal(7, transformer["episodes"]!.AsArray().Count(e => e!["level"]!.GetValue<string>() == "overload"));
        Assert.Empty(evidence["interruptions"]!.AsArray());
        Assert.Equal(403, (await crew.SendAsync(HttpMethod.Get, $"/api/v1/work-orders/{number}/evidence")).Status);
        Assert.Equal(404, (await agent.SendAsync(HttpMethod.Get, "/api/v1/work-orders/GC20261126-999999/evidence")).Status);
    }

    [Fact]
    public async Task RolesAreEnforced_AndBadFiltersAreNamed()
    {
        await HotTransformerWeek.EnsureAsync(factory);
        var units = await HotTransformerWeek.UnitsAsync(factory);
        using var crew = await factory.ClientForAsync("crew");
        using var agent = await factory.ClientForAsync("agent");
        using var manager = await factory.ClientForAsync("manager");

        Assert.Equal(403, (await crew.SendAsync(HttpMethod.Get, "/api/v1/warnings")).Status);
        Assert.Equal(200, (await agent.SendAsync(HttpMethod.Get, "/api/v1/warnings")).Status);
        Assert.Equal(403, (await manager.SendAsync(HttpMethod.Post, "/api/v1/warnings/evaluate")).Status);
        Assert.Equal(403, (await agent.SendAsync(HttpMethod.Post, "/api/v1/warnings/1/acknowledge")).Status);
        Assert.Equal(403, (await agent.SendAsync(HttpMethod.Put, $"/api/v1/warnings/settings/{units["GZBJ0102"]}", ApiJson.Json(new { enabled = true }))).Status);
        Assert.Equal(404, (await manager.SendAsync(HttpMethod.Post, "/api/v1/warnings/999999/work-order")).Status);

        var (status, body, _) = await manager.SendAsync(HttpMethod.Get, "/api/v1/warnings?status=burning&rule=meltdown&severity=5");
        Assert.Equal(400, status);
        Assert.Equal(["rule", "severity", "status"], body!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        var missing = await manager.SendAsync(HttpMethod.Put, $"/api/v1/warnings/settings/{units["GZBJ0102"]}", ApiJson.Json(new { }));
        Assert.Equal((400, true), (missing.Status, missing.Body!["errors"]!.AsObject().ContainsKey("enabled")));
    }

    private static async Task<JsonNode> EvaluateAsync(HttpClient admin, DateOnly day)
    {
        var (status, body, _) = await admin.SendAsync(HttpMethod.Post, $"/api/v1/warnings/evaluate?date={day:yyyy-MM-dd}");
        Assert.True(status == 200, $"evaluate answered {status}: {body}");
        return body!;
    }

    private static async Task<List<JsonNode>> ListAsync(HttpClient client, string query) =>
        [.. (await client.GetJsonAsync($"/api/v1/warnings?{query}&pageSize=200"))["items"]!.AsArray().Select(w => w!)];
}

public sealed class SqliteWarningsApiTests(SqliteFactory factory) : WarningsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresWarningsApiTests(PostgresFactory factory) : WarningsApiTests(factory), IClassFixture<PostgresFactory>;
