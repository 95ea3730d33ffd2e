using GridCare.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GridCare.BrowserTests;

public sealed class ClassifierConsoleTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Agent_SeesTheSuggestedTypeOfTheCallersWords_AndUsesIt()
    {
        await ClassifierSample.EnsureModelAsync(app);
        var page = await SignedInAsync("agent");
        await page.GotoAsync("intake");
        await page.Locator("[data-interactive=true]").WaitForAsync();

        await page.GetByTestId("intake-text").FillAsync("营业厅工作人员态度很差，对我大吼大叫，我要投诉她");
        await page.GetByTestId("intake-text").BlurAsync();

        await Assertions.Expect(page.GetByTestId("intake-suggestion")).ToContainTextAsync("投诉 / 服务");
        await page.GetByTestId("intake-suggestion-apply").ClickAsync();
        await Assertions.Expect(page.GetByTestId("intake-type")).ToHaveValueAsync("Complaint");
        await Assertions.Expect(page.GetByTestId("intake-class")).ToHaveValueAsync("Service");
        await page.GetByTestId("intake-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("intake-result")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Manager_SeesTheActiveModelOnTheClassifierPage()
    {
        await ClassifierSample.EnsureModelAsync(app);
        var page = await SignedInAsync("manager");

        await page.GotoAsync("classifier");
        await page.Locator("[data-interactive=true]").WaitForAsync();

        await Assertions.Expect(page.GetByTestId("classifier-active")).ToContainTextAsync("当前模型");
        await Assertions.Expect(page.GetByTestId("classifier-versions").Locator("tbody tr")).ToHaveCountAsync(1);
    }

    private Task<IPage> SignedInAsync(string userName) => app.SignedInPageAsync(userName);
}
