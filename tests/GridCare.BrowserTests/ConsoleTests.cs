using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GridCare.BrowserTests;

public sealed partial class ConsoleTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Agent_SignsIn_SearchesACustomer_AndOpensTheirSupplyPath()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "agent");

        await page.GotoAsync("customers");
        await WaitForCircuitAsync(page);
        var firstAccount = await page.GetByTestId("customer-link").First.InnerTextAsync();
        var search = page.GetByPlaceholder("户号、电话、表号或姓名");
        await search.FillAsync(firstAccount);
        await search.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("customer-total")).ToHaveTextAsync("共 1 条");
        await page.GetByTestId("customer-link").First.ClickAsync();

        await Assertions.Expect(page.GetByTestId("customer-account")).ToHaveTextAsync(firstAccount);
        var path = page.GetByTestId("network-path");
        await Assertions.Expect(path).ToContainTextAsync("变电站");
        await Assertions.Expect(path).ToContainTextAsync("10kV");
        await Assertions.Expect(path).ToContainTextAsync("kVA");
        await Assertions.Expect(path).ToContainTextAsync("电能表");
    }

    [Fact]
    public async Task Agent_SearchesByChineseName_SeesOnlyMatchingNames()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "agent");
        await page.GotoAsync("customers");
        await WaitForCircuitAsync(page);

        var search = page.GetByPlaceholder("户号、电话、表号或姓名");
        await search.FillAsync("王");
        await search.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("customer-total")).Not.ToHaveTextAsync("共 1,500 条");
        var names = await page.Locator("tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.StartsWith("王", n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Console_SwitchesToEnglish_AndBack()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "manager");
        await page.GotoAsync("customers");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("客户查询");

        await page.GetByTestId("switch-language").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Customer search");
        await WaitForCircuitAsync(page);
        await page.GetByTestId("switch-language").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("客户查询");
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_ShowsErrorAndStaysOut()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("login");
        await page.Locator("#username").FillAsync("analyst");
        await page.Locator("#password").FillAsync("not-the-password");
        await page.GetByTestId("sign-in").ClickAsync();

        await Assertions.Expect(page.GetByTestId("sign-in-error")).ToBeVisibleAsync();
        await page.GotoAsync("customers");
        await Assertions.Expect(page).ToHaveURLAsync(LoginUrl());
    }

    private static async Task SignInAsync(IPage page, string userName)
    {
        await BrowserFixture.SignInAtAsync(page, "customers", userName);
        await Assertions.Expect(page).Not.ToHaveURLAsync(LoginUrl());
    }

    // Clicks before the Blazor circuit is up are lost; the layout marks when it is interactive.
    private static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync();

    [GeneratedRegex("/login")]
    private static partial Regex LoginUrl();
}
