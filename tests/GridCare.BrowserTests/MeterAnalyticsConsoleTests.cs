using GridCare.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GridCare.BrowserTests;

public sealed class MeterAnalyticsConsoleTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Manager_OpensTheHottestTransformerFromTheRiskTable_AndSeesItsCharts()
    {
        var hot = (await HotTransformerWeek.EnsureAsync(app)).Hot;
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

    [Fact]
    public async Task Dispatcher_SeesTheOverloadWarning_AndAVoltageComplaintShowsItsMeasuredEvidence()
    {
        var week = await HotTransformerWeek.EnsureAsync(app);
        using (var admin = await app.ClientForAsync("admin"))
        {
            Assert.Equal(200, (await admin.SendAsync(HttpMethod.Post, $"/api/v1/warnings/evaluate?date={HotTransformerWeek.Day:yyyy-MM-dd}")).Status);
        }

        using var agent = await app.ClientForAsync("agent");
        var number = await HotTransformerWeek.VoltageComplaintAsync(agent, week);
        var page = await SignedInAsync("dispatcher");

        await page.GotoAsync("warnings");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        var overload = page.Locator("tr", new() { Has = page.GetByTestId("warning-rule-name").GetByText("配变过载") });
        await Assertions.Expect(overload.GetByTestId("warning-subject")).ToHaveTextAsync(week.Hot);
        await Assertions.Expect(overload.GetByTestId("warning-evidence")).ToContainTextAsync("过载分钟数: 60");
        await Assertions.Expect(overload.GetByTestId("warning-evidence")).ToContainTextAsync("120.0");

        await page.GotoAsync($"work-orders/{number}");
        await page.Locator("[data-interactive=true]").WaitForAsync();

        var evidence = page.GetByTestId("order-evidence");
        await Assertions.Expect(evidence.GetByTestId("evidence-customer-voltage")).ToContainTextAsync("电压合格率 0.0");
        await Assertions.Expect(evidence.GetByTestId("evidence-transformer-load")).ToContainTextAsync("过载 7 天（420 分钟）");
        await Assertions.Expect(evidence.GetByTestId("evidence-warnings")).ToContainTextAsync("配变过载");
    }

    private Task<IPage> SignedInAsync(string userName) => app.SignedInPageAsync(userName);
}
