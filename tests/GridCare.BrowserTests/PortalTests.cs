using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GridCare.BrowserTests;

public sealed partial class PortalTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Customer_OnAPhone_ReportsAFault_SeesTheNumber_AndTracksIt()
    {
        var (account, phone) = await CustomerAsync();
        var page = await app.NewPhonePageAsync();

        await page.GotoAsync("portal");
        await page.GetByTestId("go-report").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("故障报修 · 投诉建议");
        await page.Locator("#account").FillAsync(account);
        await page.Locator("#phone").FillAsync(phone);
        await page.Locator("#type").SelectOptionAsync("Repair");
        await page.Locator("#text").FillAsync("整栋楼停电了，楼道灯也不亮");
        await page.GetByTestId("submit-report").ClickAsync();

        var number = page.GetByTestId("order-number");
        await Assertions.Expect(number).ToHaveTextAsync(OrderNumber());
        var orderNumber = await number.InnerTextAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways on a phone.");

        await page.GetByTestId("track-link").ClickAsync();
        await Assertions.Expect(page.Locator("#number")).ToHaveValueAsync(orderNumber);
        await page.Locator("#phone").FillAsync(phone);
        await page.GetByTestId("submit-track").ClickAsync();

        await Assertions.Expect(page.GetByTestId("track-status")).ToHaveTextAsync("已派单");
        await Assertions.Expect(page.GetByTestId("track-thread")).ToContainTextAsync("整栋楼停电了，楼道灯也不亮");
    }

    private async Task<(string Account, string Phone)> CustomerAsync()
    {
        using var agent = await app.ClientForAsync("agent");
        var page = await agent.GetFromJsonAsync<JsonNode>("/api/v1/customers?q=011&pageSize=5", TestContext.Current.CancellationToken);
        var customer = page!["items"]!.AsArray().First(c => c!["phone"] is JsonValue phone && phone.GetValue<string>().Length > 0)!;
        return (customer["accountNumber"]!.GetValue<string>(), customer["phone"]!.GetValue<string>());
    }

    [GeneratedRegex(@"^DF\d{8}-\d{6}$")]
    private static partial Regex OrderNumber();
}
