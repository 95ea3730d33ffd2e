using GridCare.Tests.Infrastructure;
using MiniExcelLibs;

namespace GridCare.Tests;

/// <summary>
/// The dashboard's Excel export and drill-down API on the same hand-made day as the indicators (one host per provider
/// plays it once); workbooks are read back with MiniExcel.
/// </summary>
public abstract partial class SatisfactionIndicatorsApiTests
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task DashboardExport_OneSheetPerReport_WithTheFiguresOfTheApi()
    {
        await Day.PlayAsync();
        using var manager = await Day.ClientAsync("manager");

        using var response = await manager.GetAsync(new Uri($"/api/v1/dashboard/export?orgUnitId={Day.County}&from=2026-12-01&to=2026-12-01", UriKind.Relative), TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        using var book = new MemoryStream(bytes);

        Assert.True(response.IsSuccessStatusCode, $"export answered {(int)response.StatusCode}");
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["summary", "indicators", "sla", "complaint_mix", "reliability", "transformer_risk", "warnings"], book.GetSheetNames());
        var indicators = Rows(book, "indicators");
        Assert.Equal(["total", "2026-12-01"], indicators.Select(r => (string)r["period"]));
        Assert.Equal((5.0, 0.5, 0.75, 0.7778), (Number(indicators[0]["orders"]), Number(indicators[0]["revisit_satisfaction_rate"]), Number(indicators[0]["first_contact_resolution_rate"]), Number(indicators[0]["sla_compliance_rate"])));
        var sla = Rows(book, "sla").ToDictionary(r => (string)r["target"], r => (Number(r["due"]), Number(r["met_on_time"])));
        Assert.Equal((3.0, 2.0), sla["arrival"]);
        Assert.Equal((2.0, 1.0), sla["firstContact"]);
        var mix = Rows(book, "complaint_mix").ToDictionary(r => (string)r["complaint_class"], r => (Number(r["count"]), Number(r["baseline_percent"])));
        Assert.Equal((1.0, 36.0), mix["supplyQuality"]);
        Assert.Equal((1.0, 28.0), mix["service"]);
        Assert.Equal((0.0, 3.0), mix["gridConstruction"]);
        var reliability = Rows(book, "reliability");
        Assert.Equal(["all", "excluding_major_events"], reliability.Select(r => (string)r["scope"]));
        Assert.Equal((double)await Day.CustomersOfAsync(Day.County), Number(reliability[0]["customers_served"]));
    }

    [Fact]
    public async Task DrillDown_ClassToStationToOrders_AndTheOrderListExports()
    {
        var orders = await Day.PlayAsync();
        using var manager = await Day.ClientAsync("manager");
        await StaffAccountsFor(Day.StationA);
        using var stationManager = await Day.ClientAsync("satisfaction-station-manager-2");
        var period = $"orgUnitId={Day.County}&from=2026-12-01&to=2026-12-01";

        var stations = (await manager.GetJsonAsync($"/api/v1/dashboard/complaints?{period}&complaintClass=service")).AsArray();
        var list = (await manager.GetJsonAsync($"/api/v1/dashboard/orders?{period}&complaintClass=service&stationId={Day.StationB}")).AsArray();
        using var export = await manager.GetAsync(new Uri($"/api/v1/dashboard/orders/export?{period}&complaintClass=service&stationId={Day.StationB}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var book = new MemoryStream(await export.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var (noClass, noClassBody, _) = await manager.SendAsync(HttpMethod.Get, $"/api/v1/dashboard/complaints?{period}");
        var (foreignStation, foreignBody, _) = await stationManager.SendAsync(HttpMethod.Get, $"/api/v1/dashboard/orders?complaintClass=service&stationId={Day.StationB}&from=2026-12-01&to=2026-12-01");
        using var agent = await Day.ClientAsync("agent");
        var (byAgent, _, _) = await agent.SendAsync(HttpMethod.Get, $"/api/v1/dashboard/export?{period}");

        var only = Assert.Single(stations)!;
        Assert.Equal((Day.StationB, 1), (only["orgUnitId"]!.GetValue<int>(), only["complaints"]!.GetValue<int>()));
        var order = Assert.Single(list)!;
        Assert.Equal((orders["C2"], "Service"), (order["number"]!.GetValue<string>(), order["complaintClass"]!.GetValue<string>()));
        Assert.Equal("2026-12-01 09:00", order["receivedAtChina"]!.GetValue<string>());
        Assert.NotNull(order["customerId"]);
        Assert.Equal(Xlsx, export.Content.Headers.ContentType?.MediaType);
        Assert.Equal([orders["C2"]], Rows(book, "orders").Select(r => (string)r["number"]));
        Assert.Equal(400, noClass);
        Assert.NotNull(noClassBody!["errors"]!["complaintClass"]);
        Assert.Equal(400, foreignStation);
        Assert.NotNull(foreignBody!["errors"]!["stationId"]);
        Assert.Equal(403, byAgent);
    }

    private Task StaffAccountsFor(int unit) => StaffAccounts.StationManagerAsync(factory, "satisfaction-station-manager-2", unit);

    private static List<IDictionary<string, object>> Rows(MemoryStream book, string sheet) =>
        [.. book.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object>>()];

    private static double Number(object value) => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
}
