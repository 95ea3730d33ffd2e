using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridCare.Features.Demo;
using Microsoft.Playwright;

namespace GridCare.BrowserTests;

/// <summary>
/// The whole repair journey in the browser: a customer reports a fault on the portal, an agent sees it on the board,
/// the dispatcher dispatches it, the crew accepts, arrives and resolves it on a phone, the agent starts the revisit,
/// the customer answers it on the portal, and the order is closed.
/// </summary>
public sealed class RepairJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Repair_FromPortalReport_ToClosedAfterTheCustomersRevisit()
    {
        var (account, phone) = await CustomerAsync();
        var customer = await PhonePageAsync();
        await customer.GotoAsync("portal/report");
        await customer.Locator("#account").FillAsync(account);
        await customer.Locator("#phone").FillAsync(phone);
        await customer.Locator("#type").SelectOptionAsync("Repair");
        await customer.Locator("#text").FillAsync("家里突然停电，隔壁有电");
        await customer.GetByTestId("submit-report").ClickAsync();
        var number = await customer.GetByTestId("order-number").InnerTextAsync();

        var agent = await SignedInAsync("agent");
        await agent.GotoAsync("work-orders");
        await agent.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(agent.GetByText(number)).ToBeVisibleAsync();

        var dispatcher = await SignedInAsync("dispatcher");
        await dispatcher.GotoAsync($"work-orders/{number}");
        await dispatcher.Locator("[data-interactive=true]").WaitForAsync();
        await dispatcher.GetByTestId("input-team").FillAsync("城关抢修班");
        await dispatcher.GetByTestId("action-dispatch").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(dispatcher.GetByTestId("order-status")).ToHaveTextAsync("已派单");

        var crew = await SignedInAsync("crew", phoneSized: true);
        await crew.GotoAsync("crew");
        await crew.Locator("[data-interactive=true]").WaitForAsync();
        var card = crew.Locator($"[data-number='{number}']");
        await card.GetByTestId("crew-accept").ClickAsync();
        await card.GetByTestId("crew-arrive").ClickAsync();
        await card.GetByTestId("crew-cause").FillAsync("进户线接头松动");
        await card.GetByTestId("crew-resolution").FillAsync("重新压接");
        await card.GetByTestId("crew-resolve").ClickAsync();
        await Assertions.Expect(crew.Locator($"[data-number='{number}']")).ToHaveCountAsync(0);

        await agent.GotoAsync($"work-orders/{number}");
        await agent.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(agent.GetByTestId("order-status")).ToHaveTextAsync("已处理");
        await agent.GetByTestId("action-start-revisit").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("order-status")).ToHaveTextAsync("待回访");

        await customer.GotoAsync("portal/revisit");
        await customer.Locator("#number").FillAsync(number);
        await customer.Locator("#phone").FillAsync(phone);
        await customer.GetByTestId("result-Satisfied").CheckAsync();
        await customer.Locator("#comment").FillAsync("抢修很及时");
        await customer.GetByTestId("submit-revisit").ClickAsync();
        await Assertions.Expect(customer.GetByTestId("revisit-done")).ToBeVisibleAsync();

        await agent.ReloadAsync();
        await Assertions.Expect(agent.GetByTestId("order-status")).ToHaveTextAsync("已归档");
    }

    private async Task<IPage> PhonePageAsync()
    {
        app.EnsureAvailable();
        var context = await app.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    private async Task<IPage> SignedInAsync(string userName, bool phoneSized = false)
    {
        var page = phoneSized ? await PhonePageAsync() : await app.NewPageAsync();
        await page.GotoAsync("login");
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(DemoAccounts.Password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.Locator("[data-interactive=true]").WaitForAsync();
        return page;
    }

    private async Task<(string Account, string Phone)> CustomerAsync()
    {
        using var agent = await app.ClientForAsync("agent");
        var page = await agent.GetFromJsonAsync<JsonNode>("/api/v1/customers?q=011&pageSize=20&page=2", TestContext.Current.CancellationToken);
        var customer = page!["items"]!.AsArray().First(c => c!["phone"] is JsonValue phone && phone.GetValue<string>().Length > 0)!;
        return (customer["accountNumber"]!.GetValue<string>(), customer["phone"]!.GetValue<string>());
    }
}
