using GridCare.Domain.Reliability;
using GridCare.Domain.Sla;
using GridCare.Features.Demo;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using GridCare.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Tests;

/// <summary>
/// <c>GET /api/v1/reliability</c> on interruption records inserted by hand in March 2015 (years before the demo
/// history), with a 2014 history that makes 10 March a major event day of the county, and on the demo's own history.
/// </summary>
public abstract class ReliabilityApiTests(GridCareFactory factory, FakeTimeProvider clock)
{
    private const string Station = "GZBJ0102";

    [Theory]
    [InlineData("sample")]
    [InlineData("population")]
    public async Task Station_HandComputedIndices_WithTheStormDayExcluded(string deviation)
    {
        var (station, county, customers) = await HandHistoryAsync();
        using var manager = await factory.ClientForAsync("manager");

        var body = await manager.GetJsonAsync($"/api/v1/reliability?orgUnitId={station}&from=2015-03-01&to=2015-04-30&medDeviation={deviation}&groupBy=month");

        var n = body["customersServed"]!.GetValue<int>();
        Assert.Equal(customers, n);
        // County daily SAIDI history 30, 60 and 120 min / N_c: α = ln(60/N_c), β = ln 2 (sample) or ln 2·√(2/3) (population).
        var beta = deviation == "sample" ? Math.Log(2) : Math.Log(2) * Math.Sqrt(2.0 / 3);
        Assert.Equal(60.0 / county * Math.Exp(2.5 * beta), body["t_med"]!.GetValue<double>(), 9);
        Assert.Equal(["2015-03-10"], body["major_event_days"]!.AsArray().Select(d => d!.GetValue<string>()));
        var all = body["all"]!;
        Assert.Equal(8.0 / n, all["saifi"]!.GetValue<double>(), 12);
        Assert.Equal(2160.0 / n, all["saidi"]!.GetValue<double>(), 9);
        Assert.Equal(2.0, all["caifi"]!.GetValue<double>(), 12);
        Assert.Equal(3.0 / n, all["cemi"]!["1"]!.GetValue<double>(), 12);
        Assert.Equal(1.0 / n, all["cemi"]!["2"]!.GetValue<double>(), 12);
        Assert.Equal(1.0 / n, all["cemsmi"]!["3"]!.GetValue<double>(), 12);
        Assert.Equal(4.0 / n, all["maifi"]!.GetValue<double>(), 12);
        Assert.Equal(3.0 / n, all["maifi_e"]!.GetValue<double>(), 12);
        Assert.Equal((1 - (2160.0 / (n * 61 * 1440.0))) * 100, all["rs_1"]!.GetValue<double>(), 9);
        var excluding = body["excludingMajorEvents"]!;
        Assert.Equal(4.0 / n, excluding["saifi"]!.GetValue<double>(), 12);
        Assert.Equal(240.0 / n, excluding["saidi"]!.GetValue<double>(), 9);
        Assert.Equal(1.0 / n, excluding["cemi"]!["1"]!.GetValue<double>(), 12);
        var trend = body["trend"]!.AsArray();
        Assert.Equal(["2015-03", "2015-04"], trend.Select(m => m!["month"]!.GetValue<string>()));
        Assert.Equal(8.0 / n, trend[0]!["all"]!["saifi"]!.GetValue<double>(), 12);
        Assert.Equal(0.0, trend[1]!["all"]!["saidi"]!.GetValue<double>());
    }

    [Fact]
    public async Task StationManager_SeesOwnStationOnly()
    {
        var (station, _, _) = await HandHistoryAsync();
        var (countyId, sibling, siblingFeeder) = await OtherScopesAsync();
        await StationManagerAsync(station);
        using var client = await factory.ClientForAsync("station-manager");

        var own = await client.GetJsonAsync("/api/v1/reliability?from=2015-03-01&to=2015-03-31");
        var county = await client.SendAsync(HttpMethod.Get, $"/api/v1/reliability?orgUnitId={countyId}&from=2015-03-01&to=2015-03-31");
        var other = await client.SendAsync(HttpMethod.Get, $"/api/v1/reliability?orgUnitId={sibling}");
        var feeder = await client.SendAsync(HttpMethod.Get, $"/api/v1/reliability?feederCode={siblingFeeder}");

        Assert.Equal(station, own["scope"]!["orgUnitId"]!.GetValue<int>());
        Assert.Equal(8.0 / own["customersServed"]!.GetValue<int>(), own["all"]!["saifi"]!.GetValue<double>(), 12);
        Assert.Equal((404, 404, 404), (county.Status, other.Status, feeder.Status));
    }

    [Fact]
    public async Task BadParameters_Return400NamingEachField_AndCrewIsForbidden()
    {
        using var manager = await factory.ClientForAsync("manager");
        using var crew = await factory.ClientForAsync("crew");

        var bad = await manager.SendAsync(HttpMethod.Get, "/api/v1/reliability?orgUnitId=abc&from=2015-13-01&medDeviation=median&groupBy=week");
        var reversed = await manager.SendAsync(HttpMethod.Get, "/api/v1/reliability?from=2015-03-31&to=2015-03-01");
        var forbidden = await crew.SendAsync(HttpMethod.Get, "/api/v1/reliability");

        Assert.Equal(400, bad.Status);
        Assert.Equal(["from", "groupBy", "medDeviation", "orgUnitId"], bad.Body!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(400, reversed.Status);
        Assert.Equal(["to"], reversed.Body!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(403, forbidden.Status);
    }

    [Fact]
    public async Task DemoHistory_IsPlausible_AndItsSecondStormIsAMajorEventDay()
    {
        using var manager = await factory.ClientForAsync("manager");
        var today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var lastYear = today.Year - 1;

        var year = await manager.GetJsonAsync($"/api/v1/reliability?from={lastYear}-01-01&to={lastYear}-12-31");
        var recent = await manager.GetJsonAsync($"/api/v1/reliability?from={today.AddDays(-364):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        var rural = await manager.GetJsonAsync($"/api/v1/reliability?orgUnitId={await UnitIdAsync("GZBJ0105")}&from={today.AddDays(-729):yyyy-MM-dd}");
        var urban = await manager.GetJsonAsync($"/api/v1/reliability?orgUnitId={await UnitIdAsync("GZBJ0101")}&from={today.AddDays(-729):yyyy-MM-dd}");

        Assert.InRange(year["all"]!["saifi"]!.GetValue<double>(), 1, 10);
        Assert.True(year["all"]!["maifi_e"]!.GetValue<double>() > 0);
        Assert.NotEmpty(recent["major_event_days"]!.AsArray());
        Assert.True(recent["excludingMajorEvents"]!["saidi"]!.GetValue<double>() < recent["all"]!["saidi"]!.GetValue<double>(), recent.ToJsonString());

        // Rural customers are interrupted more often; their minutes depend on where the generated storms fell in the
        // two years up to today, so which area has the larger SAIDI changes with the date the test runs on.
        Assert.True(rural["all"]!["saifi"]!.GetValue<double>() > urban["all"]!["saifi"]!.GetValue<double>(), $"rural {rural["all"]} urban {urban["all"]}");
    }

    /// <summary>
    /// Four customers of the station in March 2015 and three single-customer days of county history in 2014; the same
    /// rows whichever test of the class comes first.
    /// </summary>
    private async Task<(int Station, int County, int StationCustomers)> HandHistoryAsync()
    {
        factory.EnsureAvailable();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var station = await db.OrgUnits.SingleAsync(u => u.Code == Station, ct);
        var countyUnits = await db.OrgUnits.Where(u => u.Id == station.ParentId || u.ParentId == station.ParentId).Select(u => u.Id).ToListAsync(ct);
        var county = await db.Customers.CountAsync(c => countyUnits.Contains(c.OrgUnitId), ct);
        var stationCustomers = await db.Customers.CountAsync(c => c.OrgUnitId == station.Id, ct);
        if (await db.InterruptionRecords.AnyAsync(r => r.EventKey.StartsWith("hand-"), ct))
        {
            return (station.Id, county, stationCustomers);
        }

        var c = await db.Customers.Where(x => x.OrgUnitId == station.Id).OrderBy(x => x.Id).Select(x => x.Id).Take(4).ToListAsync(ct);
        void Add(string key, long customer, string day, string start, double minutes)
        {
            var at = ChinaTime.FromCst(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
            var record = InterruptionRecord.Start(null, "hand-" + key, customer, station.Id, null, at, planned: false);
            record.Restore(at.AddMinutes(minutes));
            db.InterruptionRecords.Add(record);
        }

        Add("h1", c[0], "2014-05-01", "10:00", 30);
        Add("h2", c[0], "2014-06-01", "10:00", 60);
        Add("h3", c[0], "2014-07-01", "23:30", 120);
        Add("e1", c[0], "2015-03-05", "10:00", 60);
        Add("e1", c[1], "2015-03-05", "10:00", 90);
        Add("e1", c[2], "2015-03-05", "10:00", 60);
        foreach (var customer in c)
        {
            Add("storm", customer, "2015-03-10", "14:00", 480);
        }

        Add("e3", c[0], "2015-03-20", "09:00", 30);
        Add("m1", c[1], "2015-03-15", "03:00", 1);
        Add("m1", c[1], "2015-03-15", "03:02", 1);
        Add("m1", c[2], "2015-03-15", "03:00", 2);
        Add("m2", c[1], "2015-03-25", "03:00", 5);
        await db.SaveChangesAsync(ct);
        return (station.Id, county, stationCustomers);
    }

    private async Task<(int County, int Sibling, string SiblingFeeder)> OtherScopesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var sibling = await UnitIdAsync("GZBJ0103");
        var feeder = await db.NetworkDevices.Where(d => d.Kind == Domain.Network.DeviceKind.Feeder && d.OrgUnitId == sibling).Select(d => d.Code).FirstAsync(ct);
        return (await UnitIdAsync("GZBJ01"), sibling, feeder);
    }

    private async Task StationManagerAsync(int station)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByNameAsync("station-manager") is null)
        {
            var user = new StaffUser { UserName = "station-manager", DisplayName = "所长", OrgUnitId = station };
            Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, "manager")).Succeeded);
        }
    }

    private async Task<int> UnitIdAsync(string code)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.OrgUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class SqliteReliabilityApiTests(SqliteClockFactory factory) : ReliabilityApiTests(factory, factory.Clock), IClassFixture<SqliteClockFactory>;

public sealed class PostgresReliabilityApiTests(PostgresClockFactory factory) : ReliabilityApiTests(factory, factory.Clock), IClassFixture<PostgresClockFactory>;
