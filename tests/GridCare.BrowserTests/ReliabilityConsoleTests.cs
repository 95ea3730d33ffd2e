using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace GridCare.BrowserTests;

public sealed class ReliabilityConsoleTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Manager_SeesTheIndicesOfTheApi_TheTrendChartAndTheMajorEventDays()
    {
        using var client = await app.ClientForAsync("manager");
        var api = await client.GetFromJsonAsync<JsonObject>("api/v1/reliability", TestContext.Current.CancellationToken);
        var page = await SignedInAsync("manager");

        await page.GotoAsync("reliability");
        await page.Locator("[data-interactive=true]").WaitForAsync();

        var saifi = api!["all"]!["saifi"]!.GetValue<double>().ToString("0.000", CultureInfo.InvariantCulture);
        var excluded = api["excludingMajorEvents"]!["saidi"]!.GetValue<double>().ToString("0.0", CultureInfo.InvariantCulture);
        await Assertions.Expect(page.GetByTestId("reliability-all-saifi")).ToHaveTextAsync(saifi);
        await Assertions.Expect(page.GetByTestId("reliability-excluding-saidi")).ToHaveTextAsync(excluded);
        await Assertions.Expect(page.GetByTestId("reliability-customers")).ToContainTextAsync(api["customersServed"]!.GetValue<int>().ToString("N0", CultureInfo.GetCultureInfo("zh-CN")));
        await page.WaitForFunctionAsync("() => window.vizorECharts !== undefined && window.vizorECharts.charts.size > 0", null, new() { Timeout = 15_000 });
        foreach (var day in api["major_event_days"]!.AsArray())
        {
            await Assertions.Expect(page.GetByTestId("reliability-med")).ToContainTextAsync(day!.GetValue<string>());
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "供电可靠性" })).ToHaveCountAsync(1);
    }

    private Task<IPage> SignedInAsync(string userName) => app.SignedInPageAsync(userName);
}
