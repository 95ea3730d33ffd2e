using GridCare.Platform.Database;
using GridCare.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace GridCare.BrowserTests;

/// <summary>
/// A manager opens the dashboard, downloads it as Excel, drills from a complaint class (business) to the supply
/// station of a complaint taken in for this test, exports that station's orders, and opens the order.
/// </summary>
public sealed class ManagerDashboardConsoleTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Manager_DrillsFromAClassToAStationToAnOrder_AndDownloadsTheWorkbook()
    {
        var (number, station) = await BusinessComplaintAsync();
        var page = await app.SignedInPageAsync("manager");

        await page.GotoAsync("dashboard");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-kpi-csat-value")).ToHaveTextAsync("—");
        await page.WaitForFunctionAsync("() => window.vizorECharts !== undefined && window.vizorECharts.charts.size >= 3", null, new() { Timeout = 15_000 });

        var workbook = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("dashboard-export").ClickAsync());
        using (var book = File.OpenRead(await workbook.PathAsync()))
        {
            Assert.Equal(["summary", "indicators", "sla", "complaint_mix", "reliability", "transformer_risk", "warnings"], book.GetSheetNames());
            var mix = book.Query(useHeaderRow: true, sheetName: "complaint_mix").Cast<IDictionary<string, object>>().ToList();
            Assert.True(Convert.ToDouble(mix.Single(r => (string)r["complaint_class"] == "business")["count"], System.Globalization.CultureInfo.InvariantCulture) >= 1);
        }

        await page.GetByTestId("dashboard-class-business").ClickAsync();
        await page.GetByTestId("dashboard-station").Filter(new() { HasText = station }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-orders")).ToContainTextAsync(number);

        var orders = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("dashboard-orders-export").ClickAsync());
        using (var book = File.OpenRead(await orders.PathAsync()))
        {
            Assert.Contains(number, book.Query(useHeaderRow: true, sheetName: "orders").Cast<IDictionary<string, object>>().Select(r => (string)r["number"]));
        }

        await page.GetByTestId("dashboard-order").Filter(new() { HasText = number }).ClickAsync();
        await page.WaitForURLAsync($"**/work-orders/{number}");
        await Assertions.Expect(page.GetByTestId("order-number")).ToHaveTextAsync(number);
        await Assertions.Expect(page.GetByTestId("order-customer-link")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "管理驾驶舱" })).ToHaveCountAsync(1);
    }

    /// <summary>A business complaint from a customer of GZBJ0102, taken in now; its number and the station's name.</summary>
    private async Task<(string Number, string Station)> BusinessComplaintAsync()
    {
        string account;
        string station;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var unit = await db.OrgUnits.Where(u => u.Code == "GZBJ0102").Select(u => new { u.Id, u.Name }).SingleAsync(TestContext.Current.CancellationToken);
            station = unit.Name;
            account = await db.Customers.Where(c => c.OrgUnitId == unit.Id).OrderBy(c => c.Id).Select(c => c.AccountNumber).FirstAsync(TestContext.Current.CancellationToken);
        }

        using var agent = await app.ClientForAsync("agent");
        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "hotline",
            externalId = "dashboard-" + Guid.NewGuid().ToString("N"),
            accountNumber = account,
            text = "电费账单算错了，多收了钱",
            type = "complaint",
            complaintClass = "business",
        }));
        Assert.True(status is 200 or 201, body?.ToJsonString());
        return (body!["order"]!["number"]!.GetValue<string>(), station);
    }
}
