using System.Runtime.CompilerServices;
using GridCare.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Tests;

/// <summary>
/// <c>GET /api/v1/satisfaction/indicators</c> on the hand-made day of <see cref="SatisfactionDay"/> (five orders at
/// two stations of the county on 1 December 2026, read on 4 December); every figure below is worked out by hand.
/// </summary>
public abstract partial class SatisfactionIndicatorsApiTests(GridCareFactory factory, FakeTimeProvider clock)
{
    private static readonly ConditionalWeakTable<GridCareFactory, SatisfactionDay> Days = [];

    private SatisfactionDay Day => Days.GetValue(factory, f => new SatisfactionDay(f, clock));

    [Fact]
    public async Task County_HandComputedIndicators_InTotalAndPerDay()
    {
        await Day.PlayAsync();
        using var manager = await Day.ClientAsync("manager");
        var customers = await Day.CustomersOfAsync(Day.County);

        var body = await manager.GetJsonAsync($"/api/v1/satisfaction/indicators?orgUnitId={Day.County}&from=2026-12-01&to=2026-12-02&interval=day");

        Assert.Equal(customers, body["customers"]!.GetValue<int>());
        var total = body["totals"]!;
        Assert.Equal("total", total["period"]!.GetValue<string>());
        // Orders R1, R2, C1, C2, R3 = 5; contacts: one each plus R2's repeat call = 6.
        Assert.Equal((5, 6), (total["orders"]!.GetValue<int>(), total["contacts"]!.GetValue<int>()));
        // Revisits: satisfied (R1) + fairly satisfied (R2) over four answers (R1, R2, C1, R3) = 2 / 4 = 0.5.
        Assert.Equal((4, 0.5), (total["revisitsAnswered"]!.GetValue<int>(), total["revisitSatisfactionRate"]!.GetValue<double>()));
        // Complaints C1 and C2 over the county's customers: 2 × 1000 / N.
        Assert.Equal(2, total["complaints"]!.GetValue<int>());
        Assert.Equal(Math.Round(2000.0 / customers, 3), total["complaintsPerThousandCustomers"]!.GetValue<double>());
        // Resolved R1, R2, C1, R3 = 4; R2 needed a second call, so 3 of 4 at first contact = 0.75.
        Assert.Equal((4, 3, 0.75), (total["resolved"]!.GetValue<int>(), total["firstContactResolved"]!.GetValue<int>(), total["firstContactResolutionRate"]!.GetValue<double>()));
        // One repeat call, on one order of five = 0.2.
        Assert.Equal((1, 1, 0.2), (total["repeatCalls"]!.GetValue<int>(), total["ordersWithRepeatCalls"]!.GetValue<int>(), total["repeatCallRate"]!.GetValue<double>()));
        // First contact: C1 on time, C2 overdue since 2 December → 1 / 2. Arrival: R1 (10 min) and R3 (30 min) on
        // time, R2 (5 h) late → 2 / 3. Resolution after arrival: all three repairs → 3 / 3. Reply: C1 on time, C2 still
        // running until 8 December, left out → 1 / 1. All limits: 7 / 9 = 0.7778.
        Assert.Equal(
            ["firstContact:2:1:1", "arrival:3:2:1", "resolution:3:3:0", "reply:1:1:0"],
            total["sla"]!.AsArray().Select(s => $"{s!["target"]}:{s["due"]}:{s["metOnTime"]}:{s["breached"]}"));
        Assert.Equal([0.5, 0.6667, 1.0, 1.0], total["sla"]!.AsArray().Select(s => s!["rate"]!.GetValue<double>()));
        Assert.Equal(0.7778, total["slaComplianceRate"]!.GetValue<double>());
        // No survey ran; the IVR settled 2 of 3 calls on 1 December.
        Assert.All(["csat", "nps"], field => Assert.Null(total[field]));
        Assert.Equal(0.6667, total["ivrSelfServiceShare"]!.GetValue<double>());

        var series = body["series"]!.AsArray();
        Assert.Equal(["2026-12-01", "2026-12-02"], series.Select(s => s!["period"]!.GetValue<string>()));
        Assert.Equal((5, 0.5, 0.75), (series[0]!["orders"]!.GetValue<int>(), series[0]!["revisitSatisfactionRate"]!.GetValue<double>(), series[0]!["firstContactResolutionRate"]!.GetValue<double>()));
        Assert.Equal(0, series[1]!["orders"]!.GetValue<int>());
        Assert.Null(series[1]!["revisitSatisfactionRate"]);
        Assert.Null(series[1]!["slaComplianceRate"]);
        Assert.Equal(0.6667, series[0]!["ivrSelfServiceShare"]!.GetValue<double>());
        Assert.Null(series[1]!["ivrSelfServiceShare"]);
    }

    [Fact]
    public async Task StationManager_SeesTheirStationOnly()
    {
        await Day.PlayAsync();
        await StaffAccounts.StationManagerAsync(factory, "satisfaction-station-manager", Day.StationA);
        using var station = await Day.ClientAsync("satisfaction-station-manager");

        var own = (await station.GetJsonAsync("/api/v1/satisfaction/indicators?from=2026-12-01&to=2026-12-07&interval=week"))["totals"]!;
        var (county, countyBody, _) = await station.SendAsync(HttpMethod.Get, $"/api/v1/satisfaction/indicators?orgUnitId={Day.County}&from=2026-12-01&to=2026-12-01");
        var (sibling, _, _) = await station.SendAsync(HttpMethod.Get, $"/api/v1/satisfaction/indicators?orgUnitId={Day.StationB}&from=2026-12-01&to=2026-12-01");

        // Station A: R1, R2, C1 with four contacts; revisits satisfied + fairly satisfied of three = 0.6667; one complaint;
        // first contact R1 and C1 of three resolved; R2's repeat call on one order of three; SLA 1/1 + 1/2 + 2/2 + 1/1 = 5/6.
        Assert.Equal((3, 4, 3, 1), (own["orders"]!.GetValue<int>(), own["contacts"]!.GetValue<int>(), own["revisitsAnswered"]!.GetValue<int>(), own["complaints"]!.GetValue<int>()));
        Assert.Equal((0.6667, 0.6667, 0.3333, 0.8333), (
            own["revisitSatisfactionRate"]!.GetValue<double>(), own["firstContactResolutionRate"]!.GetValue<double>(),
            own["repeatCallRate"]!.GetValue<double>(), own["slaComplianceRate"]!.GetValue<double>()));
        // The IVR calls of station A's customers: one settled of two.
        Assert.Equal(0.5, own["ivrSelfServiceShare"]!.GetValue<double>());
        Assert.Equal(400, county);
        Assert.NotNull(countyBody!["errors"]!["orgUnitId"]);
        Assert.Equal(400, sibling);
    }

    [Fact]
    public async Task AgentsCrewsAndAnonymousAreRefused_BadParametersAreNamed()
    {
        await Day.PlayAsync();
        using var agent = await Day.ClientAsync("agent");
        using var crew = await Day.ClientAsync("crew");
        using var dispatcher = await Day.ClientAsync("dispatcher");
        using var analyst = await Day.ClientAsync("analyst");
        using var anonymous = factory.AnonymousClient();

        var (byAgent, _, _) = await agent.SendAsync(HttpMethod.Get, "/api/v1/satisfaction/indicators");
        var (byCrew, _, _) = await crew.SendAsync(HttpMethod.Get, "/api/v1/satisfaction/indicators");
        var (byDispatcher, _, _) = await dispatcher.SendAsync(HttpMethod.Get, "/api/v1/satisfaction/indicators");
        var (byAnonymous, _, _) = await anonymous.SendAsync(HttpMethod.Get, "/api/v1/satisfaction/indicators");
        var (bad, badBody, type) = await analyst.SendAsync(HttpMethod.Get, "/api/v1/satisfaction/indicators?interval=fortnight&from=2026-13-01");
        var (badUnit, badUnitBody, _) = await analyst.SendAsync(HttpMethod.Get, "/api/v1/satisfaction/indicators?orgUnitId=abc");
        var (reversed, reversedBody, _) = await analyst.SendAsync(HttpMethod.Get, "/api/v1/satisfaction/indicators?from=2026-12-05&to=2026-12-01");
        var byAnalyst = await analyst.GetJsonAsync($"/api/v1/satisfaction/indicators?orgUnitId={Day.County}&from=2026-12-01&to=2026-12-31");

        Assert.Equal([403, 403, 403], new[] { byAgent, byCrew, byDispatcher });
        Assert.True(byAnonymous is 401 or 302, $"anonymous answered {byAnonymous}");
        Assert.Equal(400, bad);
        Assert.Equal("application/problem+json", type);
        Assert.NotNull(badBody!["errors"]!["interval"]);
        Assert.NotNull(badBody["errors"]!["from"]);
        Assert.Equal(400, badUnit);
        Assert.NotNull(badUnitBody!["errors"]!["orgUnitId"]);
        Assert.Equal(400, reversed);
        Assert.NotNull(reversedBody!["errors"]!["to"]);
        Assert.Equal(("month", 5), (byAnalyst["interval"]!.GetValue<string>().ToLowerInvariant(), byAnalyst["series"]![0]!["orders"]!.GetValue<int>()));
    }
}

public sealed class SqliteSatisfactionIndicatorsApiTests(SqliteClockFactory factory) : SatisfactionIndicatorsApiTests(factory, factory.Clock), IClassFixture<SqliteClockFactory>;

public sealed class PostgresSatisfactionIndicatorsApiTests(PostgresClockFactory factory) : SatisfactionIndicatorsApiTests(factory, factory.Clock), IClassFixture<PostgresClockFactory>;
