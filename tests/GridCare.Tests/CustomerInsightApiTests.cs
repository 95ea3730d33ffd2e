using GridCare.Analytics.MeterData;
using GridCare.Analytics.MeterData.Analysis;
using GridCare.Analytics.Segmentation;
using GridCare.Domain.Customers;
using GridCare.Domain.Reliability;
using GridCare.Features.Demo;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using GridCare.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GridCare.Tests.Infrastructure.MeterStoreData;

namespace GridCare.Tests;

/// <summary>
/// Customer 360, segments and tariff advice over October 2026 (31 China days) of hand-made readings for nine
/// residential customers of station GZBJ0102: "night" uses 1 kWh in each quarter hour from 00:00 to 02:00 (8 kWh a
/// day) and nothing else; four "evening" customers 1 kWh per quarter hour 19:00–22:00 and 0.1 otherwise; four
/// "daytime" customers 1 kWh 09:00–17:00 and 0.05 otherwise.
/// </summary>
public abstract class CustomerInsightApiTests(GridCareFactory factory)
{
    private static readonly DateOnly First = new(2026, 10, 1);

    [Fact]
    public async Task TariffAdvice_NightLoad_RecommendsTimeOfUse_WithTheHandComputedSaving()
    {
        var data = await DataAsync();
        using var agent = await factory.ClientForAsync("agent");

        var body = await agent.GetJsonAsync($"/api/v1/customers/{data.Night}/tariff-advice");

        // 31 days × 8 kWh = 248 kWh, scaled to 365 days: 2,920 kWh a year, all in the first annual block and all in the
        // valley (22:00–08:00) of RES-TOU. RES-TIERED: 2,920 × 0.4556 = 1,330.352; RES-TOU: 2,920 × 0.288 = 840.96.
        Assert.Equal(31, body["daysCovered"]!.GetValue<int>());
        Assert.Equal(1.0, body["monthsCovered"]!.GetValue<double>());
        Assert.True(body["annualised"]!.GetValue<bool>());
        Assert.Equal(248, body["kwh"]!.GetValue<double>(), 6);
        Assert.Equal("RES-TOU", body["recommended"]!.GetValue<string>());
        Assert.Equal(489.39, body["annualSavingYuan"]!.GetValue<double>(), 6);
        var bills = body["bills"]!.AsArray().ToDictionary(b => b!["code"]!.GetValue<string>(), b => b!);
        Assert.Equal(["RES-TIERED", "RES-TOU"], bills.Keys.Order());
        Assert.Equal(1330.35, bills["RES-TIERED"]["annualYuan"]!.GetValue<double>(), 6);
        Assert.Equal(112.99, bills["RES-TIERED"]["periodYuan"]!.GetValue<double>(), 6);
        Assert.Equal(71.42, bills["RES-TOU"]["periodYuan"]!.GetValue<double>(), 6);
    }

    [Fact]
    public async Task TariffSavings_ListsTheNightCustomerWithTheLargestSavingsFirst()
    {
        var data = await DataAsync();
        using var manager = await factory.ClientForAsync("manager");

        var body = await manager.GetJsonAsync($"/api/v1/tariff-advice?orgUnitId={data.Station}&category=residential");

        var customers = body["customers"]!.AsArray();
        var savings = customers.Select(c => c!["annualSavingYuan"]!.GetValue<double>()).ToList();
        Assert.Equal(savings.OrderDescending(), savings);
        Assert.Contains(customers, c => c!["customerId"]!.GetValue<long>() == data.Night && c["annualSavingYuan"]!.GetValue<double>() == 489.39);
        Assert.Equal(9, body["customersPriced"]!.GetValue<int>());
    }

    [Fact]
    public async Task Segments_ByLoadShape_SeparatesTheThreeShapes_AndSavedSegmentsReachTheProfile()
    {
        var data = await DataAsync();
        using var analyst = await factory.ClientForAsync("analyst");

        var auto = await analyst.GetJsonAsync($"/api/v1/segments?by=loadShape&orgUnitId={data.Station}&k=auto");
        var (status, saved, _) = await analyst.SendAsync(HttpMethod.Post, $"/api/v1/segments/load-shape?orgUnitId={data.Station}&k=3");

        Assert.Equal(3, auto["k"]!.GetValue<int>());
        Assert.Equal(9, auto["customers"]!.GetValue<int>());
        var groups = auto["groups"]!.AsArray();
        Assert.Equal([4, 4, 1], groups.Select(g => g!["size"]!.GetValue<int>()));
        Assert.Equal(96, groups[0]!["centroid"]!.AsArray().Count);
        var members = groups.Select(g => g!["members"]!.AsArray().Select(m => m!.GetValue<long>()).Order().ToList()).ToList();
        Assert.Contains(data.Evening.Order().ToList(), members);
        Assert.Contains(data.Daytime.Order().ToList(), members);
        Assert.Contains([data.Night], members);
        Assert.Equal(200, status);
        Assert.Equal(3, saved!["groups"]!.AsArray().Count);

        var profile = await analyst.GetJsonAsync($"/api/v1/customers/{data.Night}/profile");
        Assert.Equal("nightLoad", profile["segment"]!["shape"]!.GetValue<string>());
        Assert.Equal(1, profile["segment"]!["clusterSize"]!.GetValue<int>());
        var evening = await analyst.GetJsonAsync($"/api/v1/customers/{data.Evening[0]}/profile");
        Assert.Equal("eveningPeak", evening["segment"]!["shape"]!.GetValue<string>());
    }

    [Fact]
    public async Task Segments_ByCapacityAndCategory_CountEveryCustomerOfTheUnitOnce()
    {
        var data = await DataAsync();
        using var manager = await factory.ClientForAsync("manager");

        var capacity = await manager.GetJsonAsync($"/api/v1/segments?by=capacity&orgUnitId={data.Station}");
        var residentialBands = await manager.GetJsonAsync($"/api/v1/segments?by=capacity&orgUnitId={data.Station}&category=residential");
        var (badStatus, bad, _) = await manager.SendAsync(HttpMethod.Get, "/api/v1/segments?by=colour&k=99");
        var export = await manager.GetAsync(new Uri($"/api/v1/segments/export?by=category&orgUnitId={data.Station}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(data.StationCustomers, capacity["customers"]!.GetValue<int>());
        Assert.Equal(data.StationCustomers, capacity["groups"]!.AsArray().Sum(g => g!["size"]!.GetValue<int>()));
        Assert.Equal(data.StationResidential, residentialBands["customers"]!.GetValue<int>());
        Assert.Equal(400, badStatus);
        Assert.Equal(["by", "k"], bad!["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        Assert.True((await export.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length > 1000);
    }

    [Fact]
    public async Task Profile_HasAccountConsumptionInterruptions_AndNoRiskBeforeTheModelScores()
    {
        var data = await DataAsync();
        using var agent = await factory.ClientForAsync("agent");

        var profile = await agent.GetJsonAsync($"/api/v1/customers/{data.Night}/profile");
        var customer = await agent.GetJsonAsync($"/api/v1/customers/{data.Night}");

        Assert.Equal(customer["accountNumber"]!.GetValue<string>(), profile["customer"]!["accountNumber"]!.GetValue<string>());
        Assert.Equal(customer["phone"]?.GetValue<string>(), profile["customer"]!["phone"]?.GetValue<string>());
        Assert.NotEmpty(profile["customer"]!["networkPath"]!.AsArray());
        var consumption = profile["consumption"]!;
        Assert.Equal("2026-10-31", consumption["lastReadingDay"]!.GetValue<string>());
        Assert.Equal(248, consumption["months"]!.AsArray().Single(m => m!["month"]!.GetValue<string>() == "2026-10")!["importKwh"]!.GetValue<double>(), 6);
        var shape = consumption["loadShape"]!.AsArray().Select(v => v!.GetValue<double>()).ToList();
        Assert.Equal(96, shape.Count);
        Assert.Equal((1.0, 0.0), (shape[0], shape[8]));
        Assert.Equal(("2026-10-02", "2026-10-31"), (consumption["loadShapeFrom"]!.GetValue<string>(), consumption["loadShapeTo"]!.GetValue<string>()));
        var lastDay = consumption["days"]!.AsArray()[^1]!;
        Assert.Equal((8.0, 4.0), (lastDay["importKwh"]!.GetValue<double>(), lastDay["peakKw"]!.GetValue<double>()));
        // 90 minutes sustained, 2 minutes momentary (IEEE 1366: at most 5 minutes).
        var interruptions = profile["interruptions"]!;
        Assert.Equal((1, 90.0, 90.0, 1), (interruptions["sustained"]!.GetValue<int>(), interruptions["minutes"]!.GetValue<double>(), interruptions["caidi"]!.GetValue<double>(), interruptions["momentary"]!.GetValue<int>()));
        Assert.True(profile.AsObject().ContainsKey("complaintRisk"));
        Assert.Null(profile["complaintRisk"]);
    }

    [Fact]
    public async Task Authorisation_CrewIsRefused_AnotherStationDoesNotSeeTheCustomer()
    {
        var data = await DataAsync();
        using var crew = await factory.ClientForAsync("crew");
        await StationManagerAsync("insight-far-manager", "GZBJ0103");
        using var far = await factory.ClientForAsync("insight-far-manager");

        Assert.Equal(403, (await crew.SendAsync(HttpMethod.Get, $"/api/v1/customers/{data.Night}/profile")).Status);
        Assert.Equal(403, (await crew.SendAsync(HttpMethod.Get, $"/api/v1/customers/{data.Night}/tariff-advice")).Status);
        Assert.Equal(403, (await crew.SendAsync(HttpMethod.Get, "/api/v1/segments")).Status);
        Assert.Equal(403, (await crew.SendAsync(HttpMethod.Get, "/api/v1/proactive-contacts")).Status);
        Assert.Equal(404, (await far.SendAsync(HttpMethod.Get, $"/api/v1/customers/{data.Night}/profile")).Status);
        Assert.Equal(404, (await far.SendAsync(HttpMethod.Get, $"/api/v1/customers/{data.Night}/tariff-advice")).Status);
        Assert.Equal(404, (await far.SendAsync(HttpMethod.Get, $"/api/v1/segments?orgUnitId={data.Station}")).Status);
        Assert.Equal(404, (await far.SendAsync(HttpMethod.Get, $"/api/v1/proactive-contacts?orgUnitId={data.Station}")).Status);
        Assert.Equal(401, (await factory.AnonymousClient().SendAsync(HttpMethod.Get, $"/api/v1/customers/{data.Night}/profile")).Status);
    }

    [Fact]
    public async Task Tariffs_AdminEditsThem_BrokenPeriodsAreRefusedNamingTheField()
    {
        await DataAsync();
        using var admin = await factory.ClientForAsync("admin");
        using var analyst = await factory.ClientForAsync("analyst");
        var gap = new { name = "坏时段", kind = "timeOfUse", categories = new[] { "agricultural" }, flatPrice = 0, blockPeriod = "monthly", periods = "valley 00:00-08:00=0.3; peak 09:00-24:00=0.8" };
        var good = new { name = "农业单一电价", kind = "flat", categories = new[] { "agricultural" }, flatPrice = 0.5, blockPeriod = "monthly", note = "test" };

        var (gapStatus, gapBody, _) = await admin.SendAsync(HttpMethod.Put, "/api/v1/tariffs/AGR-TEST", ApiJson.Json(gap));
        var (analystStatus, _, _) = await analyst.SendAsync(HttpMethod.Put, "/api/v1/tariffs/AGR-TEST", ApiJson.Json(good));
        var (okStatus, okBody, _) = await admin.SendAsync(HttpMethod.Put, "/api/v1/tariffs/AGR-TEST", ApiJson.Json(good));
        var list = await analyst.GetJsonAsync("/api/v1/tariffs");

        Assert.Equal(400, gapStatus);
        Assert.Contains("08:00", gapBody!["errors"]!["periods"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(403, analystStatus);
        Assert.Equal(200, okStatus);
        Assert.Equal("flat", okBody!["kind"]!.GetValue<string>());
        Assert.Contains(list.AsArray(), t => t!["code"]!.GetValue<string>() == "AGR-TEST");
        Assert.Contains(list.AsArray(), t => t!["code"]!.GetValue<string>() == "COM-TOU");
    }

    [Fact]
    public async Task ProactiveContacts_ListPlannedOutageAndHotTransformerCustomers()
    {
        var data = await DataAsync();
        using var dispatcher = await factory.ClientForAsync("dispatcher");
        var branch = (await DemoNetwork.BranchesAsync(factory))[0];
        var below = await DemoNetwork.CustomersBelowAsync(factory, branch.Id);
        var start = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(8);
        start = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(8));
        var (planStatus, planned, _) = await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/outages", ApiJson.Json(new
        {
            kind = "planned",
            devices = new[] { branch.Code },
            start,
            end = start.AddHours(4),
            reason = "10kV线路检修",
        }));
        Assert.True(planStatus == 201, $"{planStatus}: {planned}");
        await HotTransformerAsync(data.HotTransformer, data.StationId);

        var body = await dispatcher.GetJsonAsync("/api/v1/proactive-contacts?aheadDays=10&limit=5000");

        var listed = body["customers"]!.AsArray().ToDictionary(c => c!["customerId"]!.GetValue<long>(), c => c!["reasons"]!.AsArray());
        Assert.All(below, id => Assert.Contains(listed[id], r => r!["kind"]!.GetValue<string>() == "plannedOutage"));
        Assert.All(data.HotCustomers, id => Assert.Contains(listed[id], r => r!["kind"]!.GetValue<string>() == "hotTransformer" && r["peakLoadPercent"]!.GetValue<double>() == 125));
        Assert.True(body["hotTransformers"]!.GetValue<int>() >= 1);
    }

    private sealed record Data(int StationId, string Station, long Night, List<long> Evening, List<long> Daytime, int StationCustomers, int StationResidential, string HotTransformer, List<long> HotCustomers);

    private async Task<Data> DataAsync()
    {
        factory.EnsureAvailable();
        var (meters, _) = await CopyDirectoryAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var stationId = await db.OrgUnits.Where(u => u.Code == "GZBJ0102").Select(u => u.Id).SingleAsync(ct);
        var customers = await db.Customers.AsNoTracking().Where(c => c.OrgUnitId == stationId).Select(c => new { c.Id, c.Category }).ToListAsync(ct);
        var residential = customers.Where(c => c.Category == CustomerCategory.Residential).Select(c => c.Id).Order().ToList();
        var meterOf = meters.Where(m => residential.Contains(m.CustomerId)).GroupBy(m => m.CustomerId).ToDictionary(g => g.Key, g => g.First());
        var chosen = residential.Where(meterOf.ContainsKey).Take(9).ToList();
        var hot = meters.Where(m => m.OrgUnitId == stationId).GroupBy(m => m.TransformerCode).OrderByDescending(g => g.Count()).First();
        var data = new Data(
            stationId, stationId.ToString(System.Globalization.CultureInfo.InvariantCulture), chosen[0], chosen[1..5], chosen[5..9], customers.Count,
            residential.Count, hot.Key, [.. hot.Select(m => m.CustomerId).Distinct()]);
        var store = factory.Services.GetRequiredService<MeterStore>();
        if (await store.CountReadingsAsync(ct) > 0)
        {
            return data;
        }

        double Kwh(long customer, int slot) =>
            customer == data.Night ? (slot < 8 ? 1 : 0)
            : data.Evening.Contains(customer) ? (slot is >= 76 and < 88 ? 1 : 0.1)
            : slot is >= 36 and < 68 ? 1 : 0.05;
        var days = Enumerable.Range(0, 31).Select(First.AddDays).ToList();
        await WriteAsync(factory, "readings", chosen.SelectMany(c => days.SelectMany(d => Enumerable.Range(0, 96).Select(s => (meterOf[c].MeterNo, Slot(d, s), Kwh(c, s), (double?)null)))));

        // The profile reads the daily analyses and the stored load shapes, as after the analysis worker's run.
        var analysis = factory.Services.GetRequiredService<DailyAnalysis>();
        foreach (var day in days)
        {
            await analysis.AnalyseDayAsync(day, ct);
        }

        await factory.Services.GetRequiredService<CustomerLoadShapes>().RefreshAsync(force: true, ct);

        // The night customer's interruptions are exactly these two (the demo history is removed for it).
        await db.InterruptionRecords.Where(r => r.CustomerId == data.Night).ExecuteDeleteAsync(ct);
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var sustained = InterruptionRecord.Start(null, "insight-1", data.Night, stationId, null, now.AddHours(-3), planned: false);
        sustained.Restore(now.AddHours(-1.5));
        var momentary = InterruptionRecord.Start(null, "insight-2", data.Night, stationId, null, now.AddHours(-1), planned: false);
        momentary.Restore(now.AddHours(-1).AddMinutes(2));
        db.AddRange(sustained, momentary);
        await db.SaveChangesAsync(ct);
        return data;
    }

    private async Task HotTransformerAsync(string code, int orgUnitId)
    {
        var today = Domain.Sla.ChinaTime.DateOf(factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        await using var connection = await factory.Services.GetRequiredService<MeterStore>().OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO transformer_days (day, transformer_code, name, rated_kva, org_unit_id, area_type, terminal_slots, meter_slots, peak_load_rate,
                heavy_minutes, overload_minutes, imbalance_minutes, meters_expected, meters_reporting, voltage_minutes, within_minutes, low_voltage_meters, high_voltage_meters)
            VALUES (DATE '{today:yyyy-MM-dd}', '{code}', 'hot', 100, {orgUnitId}, 'urban', 0, 96, 1.25, 60, 30, 0, 1, 1, 0, 0, 0, 0)
            """;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private async Task StationManagerAsync(string userName, string stationCode)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByNameAsync(userName) is null)
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var unit = await db.OrgUnits.Where(u => u.Code == stationCode).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
            var user = new StaffUser { UserName = userName, DisplayName = "所长", OrgUnitId = unit };
            Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, "manager")).Succeeded);
        }
    }
}

public sealed class SqliteCustomerInsightApiTests(SqliteFactory factory) : CustomerInsightApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresCustomerInsightApiTests(PostgresFactory factory) : CustomerInsightApiTests(factory), IClassFixture<PostgresFactory>;
