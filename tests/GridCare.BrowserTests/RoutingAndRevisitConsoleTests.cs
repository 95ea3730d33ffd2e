using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GridCare.BrowserTests;

public sealed class RoutingAndRevisitConsoleTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Manager_AddsARoutingRule_AndSeesItWithItsChangeRecord()
    {
        var station = await UnitIdAsync("GZBJ0102");
        var page = await SignedInAsync("manager");
        await page.GotoAsync("admin/routing-rules");
        await page.Locator("[data-interactive=true]").WaitForAsync();

        await page.GetByTestId("rule-unit").SelectOptionAsync(station.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("rule-type").SelectOptionAsync("Praise");
        await page.GetByTestId("rule-team-input").FillAsync("羊场综合班");
        await page.GetByTestId("rule-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("rules-message")).ToContainTextAsync("已保存规则");
        await Assertions.Expect(page.GetByTestId("rule-team").Filter(new() { HasText = "羊场综合班" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tr", new() { HasText = "manager" }).Filter(new() { HasText = "新增" })).Not.ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Agent_RecordsADueRevisitInTheQueue_AndTheOrderCloses()
    {
        var number = await ResolvedRepairAsync();
        var page = await SignedInAsync("agent");
        await page.GotoAsync("revisits");
        await page.Locator("[data-interactive=true]").WaitForAsync();

        var row = page.GetByTestId($"revisit-answer-{number}");
        await row.GetByTestId("answer-result").SelectOptionAsync("Neutral");
        await row.GetByTestId("answer-comment").FillAsync("电来了，但等得有点久");
        await row.GetByTestId("answer-record").ClickAsync();

        await Assertions.Expect(page.GetByTestId("revisit-message")).ToContainTextAsync($"工单 {number} 已归档");
        await Assertions.Expect(page.GetByTestId($"revisit-answer-{number}")).ToHaveCountAsync(0);
        await page.GotoAsync($"work-orders/{number}");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("order-status")).ToHaveTextAsync("已归档");
    }

    private async Task<string> ResolvedRepairAsync()
    {
        using var agent = await app.ClientForAsync("agent");
        using var dispatcher = await app.ClientForAsync("dispatcher");
        var customers = await agent.GetFromJsonAsync<JsonObject>("api/v1/customers?q=013&pageSize=5", TestContext.Current.CancellationToken);
        var contact = await agent.PostAsJsonAsync(
            "api/v1/contacts",
            new { channel = "hotline", externalId = Guid.NewGuid().ToString("N"), accountNumber = customers!["items"]![1]!["accountNumber"]!.GetValue<string>(), text = "停电了", type = "repair" },
            TestContext.Current.CancellationToken);
        contact.EnsureSuccessStatusCode();
        var number = (await contact.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["order"]!["number"]!.GetValue<string>();
        foreach (var (action, body) in new (string, object)[] { ("accept", new { }), ("arrive", new { }), ("resolve", new { causeCode = "fuse", resolutionCode = "replaced" }) })
        {
            (await dispatcher.PostAsJsonAsync($"api/v1/work-orders/{number}/{action}", body, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }

        return number;
    }

    private async Task<int> UnitIdAsync(string code)
    {
        app.EnsureAvailable();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.OrgUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    private Task<IPage> SignedInAsync(string userName) => app.SignedInPageAsync(userName);
}
