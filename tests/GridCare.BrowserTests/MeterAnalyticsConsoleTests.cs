using GridCare.Analytics.MeterData.Analysis;
using GridCare.Features.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static GridCare.Tests.Infrastructure.MeterStoreData;

namespace GridCare.BrowserTests;

public sealed class MeterAnalyticsConsoleTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static readonly DateOnly Day = new(2026, 11, 26);

    [Fact]
    public async Task Manager_OpensTheHottestTransformerFromTheRiskTable_AndSeesItsCharts()
    {
        var hot = await HotTransformerAsync();
        var page = await SignedInAsync("manager");

        await page.GotoAsync("transformers");
        await page.Locator("[data-interactive=true]").WaitForAsync();

        var first = page.GetByTestId("transformer-row").First;
        await Assertions.Expect(first.GetByTestId("transformer-link")).ToHaveTextAsync(hot);
        await Assertions.Expect(first.GetByTestId("transformer-peak")).ToContainTextAsync("120.0 %");
        await Assertions.Expect(page.GetByTestId("transformers-summary")).ToContainTextAsync("2026-11-26");
        await page.WaitForFunctionAsync("() => window.vizorECharts !== undefined && window.vizorECharts.charts.size > 0", null, new() { Timeout = 15_000 });

        await first.GetByTestId("transformer-link").ClickAsync();

        await Assertions.Expect(page.GetByTestId("transformer-title")).ToContainTextAsync(hot);
        await Assertions.Expect(page.GetByTestId("transformer-forecast")).ToContainTextAsync("120.0 %");
        await Assertions.Expect(page.GetByTestId("transformer-episodes").Locator("tbody tr")).ToHaveCountAsync(14);
        await page.WaitForFunctionAsync("() => window.vizorECharts !== undefined && window.vizorECharts.charts.size >= 3", null, new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("chart-load").Locator("[_echarts_instance_]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("chart-forecast").Locator("[_echarts_instance_]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("chart-voltage").Locator("[_echarts_instance_]")).ToHaveCountAsync(1);
    }

    /// <summary>A week in which one transformer runs at 50 % of its rating and at 120 % from 18:00 to 19:00 every day.</summary>
    private async Task<string> HotTransformerAsync()
    {
        var (meters, transformers) = await CopyDirectoryAsync(app);
        var hot = transformers.Where(t => meters.Count(m => m.TransformerCode == t.TransformerCode) >= 3).OrderBy(t => t.TransformerCode, StringComparer.Ordinal).First();
        var own = meters.Where(m => m.TransformerCode == hot.TransformerCode).ToList();
        var week = Enumerable.Range(0, 7).Select(i => Day.AddDays(-i)).Order().ToList();
        await WriteAsync(app, "readings", [
            .. own.SelectMany(m => week.SelectMany(d => Enumerable.Range(0, 96).Select(s =>
                (m.MeterNo, Slot(d, s), (s is >= 72 and < 76 ? 1.2 : 0.5) * hot.RatedKva * 0.9 / 4 / own.Count, (double?)225)))),
        ]);
        var analysis = app.Services.GetRequiredService<DailyAnalysis>();
        foreach (var day in week)
        {
            await analysis.AnalyseDayAsync(day, TestContext.Current.CancellationToken);
        }

        return hot.TransformerCode;
    }

    private async Task<IPage> SignedInAsync(string userName)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("login");
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(DemoAccounts.Password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.Locator("[data-interactive=true]").WaitForAsync();
        return page;
    }
}
