using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace GridCare.BrowserTests;

public sealed class KnowledgeTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Agent_TypesTheCallersWords_ArticlesAreSuggestedAsTheyType()
    {
        var page = await app.SignedInPageAsync("agent");
        await page.GotoAsync("intake");
        await page.Locator("[data-interactive=true]").WaitForAsync();

        // Typed key by key and never left: the suggestions follow the typing, not the change event.
        await page.GetByTestId("intake-text").PressSequentiallyAsync("交了电费还没有复电");

        var suggestions = page.GetByTestId("knowledge-suggestion");
        await Assertions.Expect(suggestions.First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("knowledge-suggestions")).ToContainTextAsync("交清欠费后多久恢复供电");
    }

    [Fact]
    public async Task Customer_OnThePortal_SeesAPublicArticleBeforeSubmitting_AndReadingItCounts()
    {
        var page = await app.NewPhonePageAsync();
        using var manager = await app.ClientForAsync("manager");
        var before = await ReadFormsAsync(manager);

        await page.GotoAsync("portal/report");
        await Assertions.Expect(page.GetByTestId("portal-suggestions")).ToBeHiddenAsync();
        await page.Locator("#text").PressSequentiallyAsync("这个月电费突然变高了");

        var suggestion = page.GetByTestId("portal-suggestion").First;
        await Assertions.Expect(suggestion).ToHaveTextAsync("电费突然变高了是什么原因");
        var article = await page.RunAndWaitForPopupAsync(() => suggestion.ClickAsync());
        await Assertions.Expect(article.GetByTestId("portal-article-title")).ToHaveTextAsync("电费突然变高了是什么原因");
        await Assertions.Expect(article.GetByTestId("portal-article-body").Locator("h2").First).ToBeVisibleAsync();
        await article.GetByTestId("portal-article-helpful").ClickAsync();
        await Assertions.Expect(article.Locator("[data-knowledge-votes]")).ToHaveTextAsync("感谢您的反馈。");

        Assert.Equal(before + 1, await ReadFormsAsync(manager));
    }

    private static async Task<int> ReadFormsAsync(HttpClient manager)
    {
        var report = await manager.GetFromJsonAsync<JsonNode>("/api/v1/knowledge/deflection", TestContext.Current.CancellationToken);
        return report!["read"]!.GetValue<int>();
    }
}
