using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridCare.Features.Demo;
using Microsoft.Playwright;

namespace GridCare.BrowserTests;

public sealed class WorkOrderConsoleTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Dispatcher_FindsARoutedRepairOnTheBoard_AndReRoutesIt()
    {
        var number = await ReportRepairAsync();
        var page = await app.NewPageAsync();
        await BrowserFixture.SignInAtAsync(page, "work-orders", "dispatcher");

        await page.GetByText(number).ClickAsync();
        // The station's repair rule dispatched it at intake; the dispatcher sends it to another crew.
        await Assertions.Expect(page.GetByTestId("order-status")).ToHaveTextAsync("已派单");
        await Assertions.Expect(page.GetByTestId("order-team")).ToHaveTextAsync("城关抢修班");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await page.GetByTestId("input-team").FillAsync("抢修一班");
        await page.GetByTestId("action-dispatch").GetByRole(AriaRole.Button).ClickAsync();

        await Assertions.Expect(page.GetByTestId("order-status")).ToHaveTextAsync("已派单");
        await Assertions.Expect(page.GetByTestId("order-team")).ToHaveTextAsync("抢修一班");
    }

    [Fact]
    public async Task Agent_IdentifiesTheCallerOfAnUnidentifiedOrder()
    {
        var (number, account) = await ReportRepairAsync(identified: false);
        var page = await app.NewPageAsync();
        await BrowserFixture.SignInAtAsync(page, $"work-orders/{number}", "agent");

        await Assertions.Expect(page.GetByTestId("order-customer-link")).ToHaveCountAsync(0);
        await page.GetByTestId("input-identify-account").FillAsync(account);
        await page.GetByTestId("identify").ClickAsync();

        await Assertions.Expect(page.GetByTestId("order-customer-link")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("input-identify-account")).ToHaveCountAsync(0);
    }

    private async Task<string> ReportRepairAsync() => (await ReportRepairAsync(identified: true)).Number;

    private async Task<(string Number, string Account)> ReportRepairAsync(bool identified)
    {
        app.EnsureAvailable();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var token = await http.PostAsJsonAsync("api/v1/auth/token", new { username = "agent", password = DemoAccounts.Password });
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var customers = await http.GetFromJsonAsync<JsonObject>("api/v1/customers?q=011&pageSize=5");
        // A different account for each kind, so an identified order never turns the other test's report into a repeat.
        var account = customers!["items"]![identified ? 2 : 3]!["accountNumber"]!.GetValue<string>();
        var contact = await http.PostAsJsonAsync("api/v1/contacts", new
        {
            channel = "hotline",
            externalId = Guid.NewGuid().ToString("N"),
            accountNumber = identified ? account : null,
            phone = identified ? null : "13800007777",
            text = "家里停电了，空开合不上",
            type = "repair",
        });
        contact.EnsureSuccessStatusCode();
        return ((await contact.Content.ReadFromJsonAsync<JsonObject>())!["order"]!["number"]!.GetValue<string>(), account);
    }
}
