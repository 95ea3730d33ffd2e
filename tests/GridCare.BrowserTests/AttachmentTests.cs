using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GridCare.Features.Demo;
using GridCare.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GridCare.BrowserTests;

/// <summary>
/// Photos on a phone: a crew photographs the site from the crew view and the agent sees it on the order page; a
/// customer sends a photo with a fault report on the portal and sees it again when tracking the order.
/// </summary>
public sealed class AttachmentTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Crew_AttachesAPhotoOnThePhone_AndTheAgentSeesIt()
    {
        var number = await DispatchedRepairAsync();
        var crew = await SignedInAsync("crew", phoneSized: true);
        await crew.GotoAsync("crew");
        await crew.Locator("[data-interactive=true]").WaitForAsync();
        var card = crew.Locator($"[data-number='{number}']");

        await Assertions.Expect(card.GetByTestId("attachment-input")).ToHaveAttributeAsync("capture", "environment");
        await card.GetByTestId("attachment-input").SetInputFilesAsync(new FilePayload
        {
            Name = "现场照片.png",
            MimeType = "image/png",
            Buffer = TestFiles.Png("crew-on-site"),
        });

        var thumb = card.GetByTestId("attachment-thumb");
        await Assertions.Expect(thumb).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByTestId("attachment-message")).ToContainTextAsync("现场照片.png");
        await crew.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await thumb.ElementHandleAsync());
        Assert.Equal(4, await thumb.EvaluateAsync<int>("img => img.naturalWidth"));

        var agent = await SignedInAsync("agent");
        await agent.GotoAsync($"work-orders/{number}");
        await agent.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(agent.Locator("[data-testid=attachment][data-file='现场照片.png']")).ToBeVisibleAsync();
        await Assertions.Expect(agent.GetByText(new Regex(@"^现场照片\.png \(image/png"))).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Customer_ReportsAFaultWithAPhoto_AndSeesItWhenTracking()
    {
        app.EnsureAvailable();
        using var agent = await ApiAsync("agent");
        var customers = await agent.GetFromJsonAsync<JsonObject>("api/v1/customers?q=012&pageSize=20", TestContext.Current.CancellationToken);
        var customer = customers!["items"]!.AsArray().First(c => c!["phone"] is JsonValue phone && phone.GetValue<string>().Length > 0)!;
        var page = await PhonePageAsync();

        await page.GotoAsync("portal/report");
        await page.Locator("#account").FillAsync(customer["accountNumber"]!.GetValue<string>());
        await page.Locator("#phone").FillAsync(customer["phone"]!.GetValue<string>());
        await page.Locator("#type").SelectOptionAsync("Repair");
        await page.Locator("#text").FillAsync("电表箱烧黑了，见照片");
        await page.GetByTestId("report-photos").SetInputFilesAsync(new FilePayload
        {
            Name = "电表箱.png",
            MimeType = "image/png",
            Buffer = TestFiles.Png("customer-meter-box"),
        });
        await page.GetByTestId("submit-report").ClickAsync();
        var number = await page.GetByTestId("order-number").InnerTextAsync();
        await page.GetByTestId("track-link").ClickAsync();
        await page.Locator("#phone").FillAsync(customer["phone"]!.GetValue<string>());
        await page.GetByTestId("submit-track").ClickAsync();

        var photo = page.Locator("[data-testid=track-attachment][data-file='电表箱.png'] img");
        await Assertions.Expect(photo).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await photo.ElementHandleAsync());
        Assert.Equal(4, await photo.EvaluateAsync<int>("img => img.naturalWidth"));
        Assert.Matches(@"^DF\d{8}-\d{6}$", number);
    }

    private async Task<string> DispatchedRepairAsync()
    {
        app.EnsureAvailable();
        using var agent = await ApiAsync("agent");
        using var dispatcher = await ApiAsync("dispatcher");
        var customers = await agent.GetFromJsonAsync<JsonObject>("api/v1/customers?q=011&pageSize=10&page=3", TestContext.Current.CancellationToken);
        var contact = await agent.PostAsJsonAsync("api/v1/contacts", new
        {
            channel = "hotline",
            externalId = Guid.NewGuid().ToString("N"),
            accountNumber = customers!["items"]![4]!["accountNumber"]!.GetValue<string>(),
            text = "表箱冒烟，进线烧焦了",
            type = "repair",
        }, TestContext.Current.CancellationToken);
        contact.EnsureSuccessStatusCode();
        var number = (await contact.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["order"]!["number"]!.GetValue<string>();
        var dispatch = await dispatcher.PostAsJsonAsync($"api/v1/work-orders/{number}/dispatch", new { team = "城关抢修班" }, TestContext.Current.CancellationToken);
        dispatch.EnsureSuccessStatusCode();
        return number;
    }

    private async Task<HttpClient> ApiAsync(string userName)
    {
        var http = new HttpClient { BaseAddress = app.BaseAddress };
        var token = await http.PostAsJsonAsync("api/v1/auth/token", new { username = userName, password = DemoAccounts.Password }, TestContext.Current.CancellationToken);
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    private async Task<IPage> PhonePageAsync()
    {
        return await app.NewPhonePageAsync();
    }

    private async Task<IPage> SignedInAsync(string userName, bool phoneSized = false) =>
        await BrowserFixture.SignInAsync(phoneSized ? await PhonePageAsync() : await app.NewPageAsync(), userName);
}
