using System.Globalization;
using GridCare.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using static GridCare.Tests.Infrastructure.MeterStoreData;

namespace GridCare.BrowserTests;

/// <summary>
/// An analyst picks a campaign's audience from choices — the load shapes saved for the station's customers (three
/// evening-peak, three daytime), the categories and capacity bands — previews it, creates and sends the campaign, and
/// downloads its results as Excel.
/// </summary>
public sealed class CampaignConsoleTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static readonly DateOnly First = new(2026, 10, 1);

    [Fact]
    public async Task Analyst_TargetsASavedLoadShapeFromChoices_SendsAndDownloadsTheResults()
    {
        var station = await SavedSegmentsAsync();
        var page = await app.SignedInPageAsync("analyst");

        await page.GotoAsync("campaigns");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await page.GetByTestId("campaign-unit").SelectOptionAsync(station.ToString(CultureInfo.InvariantCulture));
        var shapes = page.GetByTestId("audience-shape").Locator("option");
        await Assertions.Expect(shapes).ToHaveCountAsync(3);
        await Assertions.Expect(shapes.Filter(new() { HasText = "晚高峰型" })).ToContainTextAsync("3 户");
        await Assertions.Expect(page.GetByTestId("audience-capacity").Locator("option")).ToHaveCountAsync(7);
        await Assertions.Expect(page.GetByTestId("audience-category").Locator("option")).ToContainTextAsync(["全部", "居民"]);

        await page.GetByTestId("audience-shape").SelectOptionAsync("eveningPeak");
        await page.GetByTestId("audience-category").SelectOptionAsync("residential");
        await page.GetByTestId("campaign-preview").ClickAsync();
        await Assertions.Expect(page.GetByTestId("campaign-preview-summary")).ToContainTextAsync("共 3 户");
        await page.GetByTestId("audience-category").SelectOptionAsync("commercial");
        await page.GetByTestId("campaign-preview").ClickAsync();
        await Assertions.Expect(page.GetByTestId("campaign-preview-summary")).ToContainTextAsync("共 0 户");
        await page.GetByTestId("audience-category").SelectOptionAsync(string.Empty);

        await page.GetByTestId("campaign-name").FillAsync("晚高峰错峰用电建议");
        await page.GetByTestId("campaign-text-zh").FillAsync("晚间用电高峰，建议错峰使用大功率电器。");
        await page.GetByTestId("campaign-create").ClickAsync();
        await page.WaitForURLAsync("**/campaigns/*");
        await page.GetByTestId("campaign-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("result-recipients")).ToContainTextAsync("3");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("campaign-export").ClickAsync());
        using var book = File.OpenRead(await download.PathAsync());
        Assert.Equal(["summary", "channels", "customers"], book.GetSheetNames());
        var summary = book.Query(useHeaderRow: true, sheetName: "summary").Cast<IDictionary<string, object>>().Single();
        Assert.Equal(("晚高峰错峰用电建议", 3.0), ((string)summary["campaign"], Convert.ToDouble(summary["recipients"], CultureInfo.InvariantCulture)));
        Assert.Equal(3, book.Query(useHeaderRow: true, sheetName: "customers").Count());
    }

    /// <summary>A fortnight of readings for six residential customers of GZBJ0102, segmented and saved by the API (k = 2).</summary>
    private async Task<int> SavedSegmentsAsync()
    {
        var (station, _) = await WriteEveningAndDaytimeAsync(app, First);
        using var analyst = await app.ClientForAsync("analyst");
        var (status, body, _) = await analyst.SendAsync(HttpMethod.Post, $"/api/v1/segments/load-shape?orgUnitId={station}&k=2");
        Assert.True(status == 200, body?.ToJsonString());
        return station;
    }
}
