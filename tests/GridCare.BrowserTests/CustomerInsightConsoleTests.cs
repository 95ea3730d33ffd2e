using Microsoft.Playwright;
using static GridCare.Tests.Infrastructure.MeterStoreData;

namespace GridCare.BrowserTests;

/// <summary>
/// An analyst opens the segment explorer over a fortnight of readings (six customers: three evening-peak, three
/// daytime), saves the segments, and opens one customer's 360° page, which shows the saved segment and the tariff card.
/// </summary>
public sealed class CustomerInsightConsoleTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static readonly DateOnly First = new(2026, 10, 1);

    [Fact]
    public async Task Analyst_RunsTheSegmentExplorer_ThenOpensACustomers360Page()
    {
        var (station, evening) = await ReadingsAsync();
        var page = await SignedInAsync("analyst");

        await page.GotoAsync("segments");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await page.GetByTestId("segments-unit").SelectOptionAsync(station.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("segments-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("segments-saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("segments-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("segments-summary")).ToContainTextAsync("6");
        await page.WaitForFunctionAsync("() => window.vizorECharts !== undefined && window.vizorECharts.charts.size >= 2", null, new() { Timeout = 15_000 });

        await page.GotoAsync($"customers/{evening}/360");
        await Assertions.Expect(page.GetByTestId("profile-account")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.GetByTestId("profile-segment")).ToContainTextAsync("晚高峰");
        await Assertions.Expect(page.GetByTestId("tariff-bills").Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("profile-risk")).ToBeVisibleAsync();
    }

    private async Task<(int Station, long Evening)> ReadingsAsync()
    {
        var (station, chosen) = await WriteEveningAndDaytimeAsync(app, First);
        return (station, chosen[0].CustomerId);
    }

    private Task<IPage> SignedInAsync(string userName) => app.SignedInPageAsync(userName);
}
