using GridCare.Features.Demo;
using GridCare.Platform.Auth;
using GridCare.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static GridCare.Tests.Infrastructure.MeterStoreData;

namespace GridCare.Tests;

/// <summary>The meter analytics API over the hand-built week of <see cref="HotTransformerWeek"/>.</summary>
public abstract class MeterAnalyticsApiTests(GridCareFactory factory)
{
    private static readonly DateOnly Day = HotTransformerWeek.Day;

    [Fact]
    public async Task Ranking_PutsTheHotTransformerFirst_WithItsOverloadEpisode_AndTotalsPerFeederAndStation()
    {
        var data = await HotTransformerWeek.EnsureAsync(factory);
        using var manager = await factory.ClientForAsync("manager");

        var body = await manager.GetJsonAsync($"/api/v1/analytics/transformers?date={Day:yyyy-MM-dd}&limit=5");

        var first = body["ranked"]![0]!;
        Assert.Equal(data.Hot, first["transformerCode"]!.GetValue<string>());
        Assert.Equal(120, first["peakLoadPercent"]!.GetValue<double>(), 6);
        Assert.Equal(Slot(Day, 72), first["peakAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal((60, 60), (first["overloadMinutes"]!.GetValue<int>(), first["heavyMinutes"]!.GetValue<int>()));
        var overload = first["episodes"]!.AsArray().Single(e => e!["level"]!.GetValue<string>() == "overload")!;
        Assert.Equal((Slot(Day, 72), Slot(Day, 76), 60), (overload["start"]!.GetValue<DateTime>().ToUniversalTime(), overload["end"]!.GetValue<DateTime>().ToUniversalTime(), overload["minutes"]!.GetValue<int>()));
        Assert.Equal("meters", first["source"]!.GetValue<string>());
        Assert.Equal(5, body["ranked"]!.AsArray().Count);
        Assert.True(body["transformers"]!.GetValue<int>() > 5);
        var station = body["bySupplyStation"]!.AsArray().First()!;
        Assert.Equal((1, 120.0), (station["overloaded"]!.GetValue<int>(), Math.Round(station["maxPeakLoadPercent"]!.GetValue<double>(), 6)));
    }

    [Fact]
    public async Task TransformerLoad_HasTheCurveEpisodesAndForecast()
    {
        var data = await HotTransformerWeek.EnsureAsync(factory);
        using var analyst = await factory.ClientForAsync("analyst");

        var body = await analyst.GetJsonAsync($"/api/v1/transformers/{data.Hot}/load?from={Day.AddDays(-6):yyyy-MM-dd}&to={Day:yyyy-MM-dd}");

        var series = body["series"]!.AsArray();
        Assert.Equal(7 * 96, series.Count);
        Assert.Equal(50, series[0]!["loadPercent"]!.GetValue<double>(), 6);
        Assert.Equal(120, series[72]!["loadPercent"]!.GetValue<double>(), 6);
        Assert.Equal(7, body["episodes"]!.AsArray().Count(e => e!["level"]!.GetValue<string>() == "overload"));
        Assert.Equal(7, body["days"]!.AsArray().Count);
        var forecast = body["forecast"]!;
        Assert.Equal(Day.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), forecast["nextDay"]!["day"]!.GetValue<string>());
        Assert.Equal(120, forecast["nextDay"]!["peakLoadPercent"]!.GetValue<double>(), 6);
        Assert.Equal(120, forecast["nextWeekPeakLoadPercent"]!.GetValue<double>(), 6);
        Assert.Equal(7, forecast["days"]!.AsArray().Count);
    }

    [Fact]
    public async Task VoltageLineLossAndConsumption_AreTheHandComputedOnes()
    {
        var data = await HotTransformerWeek.EnsureAsync(factory);
        using var manager = await factory.ClientForAsync("manager");
        using var agent = await factory.ClientForAsync("agent");

        var voltage = await manager.GetJsonAsync($"/api/v1/analytics/voltage?date={Day:yyyy-MM-dd}");
        var loss = await manager.GetJsonAsync("/api/v1/analytics/line-loss?month=2026-11");
        var consumption = await agent.GetJsonAsync($"/api/v1/customers/{data.Customer}/consumption?from={Day.AddDays(-6):yyyy-MM-dd}&to={Day:yyyy-MM-dd}");

        var hot = voltage["transformers"]!.AsArray().Single(t => t!["transformerCode"]!.GetValue<string>() == data.Hot)!;
        Assert.Equal(100.0 * (data.HotMeters - 1) / data.HotMeters, hot["compliancePercent"]!.GetValue<double>(), 9);
        Assert.Equal(1, hot["lowVoltageMeters"]!.GetValue<int>());
        var low = voltage["meters"]!.AsArray().Single()!;
        Assert.Equal((data.LowMeter, 1440, 190.0), (low["meterNo"]!.GetValue<string>(), low["lowMinutes"]!.GetValue<int>(), low["voltageMin"]!.GetValue<double>()));

        var lossy = loss["transformers"]!.AsArray().Single(t => t!["transformerCode"]!.GetValue<string>() == data.Lossy)!;
        Assert.Equal(20, lossy["lineLossPercent"]!.GetValue<double>(), 9);
        Assert.Equal(("high", 7), (lossy["flag"]!.GetValue<string>(), lossy["judgedDays"]!.GetValue<int>()));
        Assert.Equal(data.Lossy, loss["transformers"]![0]!["transformerCode"]!.GetValue<string>());

        var days = consumption["days"]!.AsArray();
        Assert.Equal(7, days.Count);
        Assert.Equal(data.CustomerDailyKwh, days[0]!["importKwh"]!.GetValue<double>(), 9);
        Assert.Equal(7 * data.CustomerDailyKwh, consumption["importKwh"]!.GetValue<double>(), 9);
        Assert.Equal("2026-11", consumption["months"]![0]!["month"]!.GetValue<string>());
    }

    [Fact]
    public async Task RolesAndOrgUnits_AreEnforced_AndBadParametersAreNamed()
    {
        var data = await HotTransformerWeek.EnsureAsync(factory);
        await StationManagerAsync("GZBJ0103");
        using var crew = await factory.ClientForAsync("crew");
        using var station = await factory.ClientForAsync("meter-station-manager");
        using var manager = await factory.ClientForAsync("manager");

        Assert.Equal(403, (await crew.SendAsync(HttpMethod.Get, "/api/v1/analytics/transformers")).Status);
        Assert.Equal(403, (await crew.SendAsync(HttpMethod.Get, $"/api/v1/transformers/{data.Hot}/load")).Status);
        Assert.Equal(404, (await station.SendAsync(HttpMethod.Get, $"/api/v1/transformers/{data.Hot}/load")).Status);
        Assert.Equal(404, (await station.SendAsync(HttpMethod.Get, $"/api/v1/customers/{data.Customer}/consumption")).Status);
        var own = await station.GetJsonAsync($"/api/v1/analytics/transformers?date={Day:yyyy-MM-dd}&limit=5000");
        Assert.DoesNotContain(own["ranked"]!.AsArray(), t => t!["transformerCode"]!.GetValue<string>() == data.Hot);
        Assert.Contains(own["ranked"]!.AsArray(), t => t!["transformerCode"]!.GetValue<string>() == data.Far);
        Assert.Equal(404, (await manager.SendAsync(HttpMethod.Get, "/api/v1/transformers/NO-SUCH-T/load")).Status);

        Assert.Equal(["date"], await ErrorsAsync(manager, "/api/v1/analytics/transformers?date=2026-13-01"));
        Assert.Equal(["date"], await ErrorsAsync(manager, "/api/v1/analytics/voltage?date=yesterday"));
        Assert.Equal(["month"], await ErrorsAsync(manager, "/api/v1/analytics/line-loss?month=2026-13"));
        Assert.Equal(["to"], await ErrorsAsync(manager, $"/api/v1/transformers/{data.Hot}/load?from=2026-10-01&to=2026-12-01"));
        Assert.Equal(["from"], await ErrorsAsync(manager, $"/api/v1/customers/{data.Customer}/consumption?from=26/11/2026"));
    }

    private static async Task<string[]> ErrorsAsync(HttpClient client, string url)
    {
        var (status, body, _) = await client.SendAsync(HttpMethod.Get, url);
        Assert.Equal(400, status);
        return [.. body!["errors"]!.AsObject().Select(e => e.Key)];
    }

    private async Task StationManagerAsync(string stationCode)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByNameAsync("meter-station-manager") is null)
        {
            var user = new StaffUser { UserName = "meter-station-manager", DisplayName = "所长", OrgUnitId = (await HotTransformerWeek.UnitsAsync(factory))[stationCode] };
            Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, "manager")).Succeeded);
        }
    }
}

public sealed class SqliteMeterAnalyticsApiTests(SqliteFactory factory) : MeterAnalyticsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresMeterAnalyticsApiTests(PostgresFactory factory) : MeterAnalyticsApiTests(factory), IClassFixture<PostgresFactory>;
