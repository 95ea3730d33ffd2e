using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GridCare.Features.Notifications;
using GridCare.Features.Revisits;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GridCare.BrowserTests;

/// <summary>
/// The whole repair journey in the browser: a customer reports a fault on the portal, an agent sees it on the board,
/// a routing rule has dispatched it to the station's crew and the dispatcher re-routes it, the crew accepts, arrives
/// and resolves it on a phone, which starts the revisit, the agent sees it in the revisit queue, the customer answers
/// it through the link of the SMS invitation, and the order is closed.
/// </summary>
public sealed partial class RepairJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
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
        await Assertions.Expect(dispatcher.GetByTestId("order-team")).ToHaveTextAsync("城关抢修班");
        await dispatcher.GetByTestId("input-team").FillAsync("城关抢修二班");
        await dispatcher.GetByTestId("action-dispatch").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(dispatcher.GetByTestId("order-team")).ToHaveTextAsync("城关抢修二班");
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

        await agent.GotoAsync("revisits");
        await agent.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(agent.GetByTestId($"revisit-answer-{number}")).ToBeVisibleAsync();
        await agent.GotoAsync($"work-orders/{number}");
        await agent.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(agent.GetByTestId("order-status")).ToHaveTextAsync("待回访");

        await customer.GotoAsync(await InvitationLinkAsync(number, phone));
        await Assertions.Expect(customer.GetByTestId("link-order")).ToContainTextAsync(number);
        await customer.GetByTestId("result-Satisfied").CheckAsync();
        await customer.Locator("#comment").FillAsync("抢修很及时");
        await customer.GetByTestId("submit-revisit").ClickAsync();
        await Assertions.Expect(customer.GetByTestId("revisit-done")).ToBeVisibleAsync();

        await agent.ReloadAsync();
        await Assertions.Expect(agent.GetByTestId("order-status")).ToHaveTextAsync("已归档");
    }

    /// <summary>The link of the SMS the customer receives: the revisit invitation in the notification outbox.</summary>
    private async Task<string> InvitationLinkAsync(string number, string phone)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var invitation = await db.Set<NotificationMessage>().AsNoTracking()
            .SingleAsync(m => m.SubjectType == OpenRevisitTask.SubjectType && m.SubjectId == number, TestContext.Current.CancellationToken);
        Assert.Equal(phone, invitation.Recipient);
        return new Uri(LinkInText().Match(invitation.Text).Value).AbsolutePath.TrimStart('/');
    }

    [GeneratedRegex(@"https?://\S+/portal/revisit/[A-Za-z0-9_-]+")]
    private static partial Regex LinkInText();

    private async Task<IPage> PhonePageAsync()
    {
        return await app.NewPhonePageAsync();
    }

    private async Task<IPage> SignedInAsync(string userName, bool phoneSized = false) =>
        await BrowserFixture.SignInAsync(phoneSized ? await PhonePageAsync() : await app.NewPageAsync(), userName);

    private async Task<(string Account, string Phone)> CustomerAsync()
    {
        using var agent = await app.ClientForAsync("agent");
        var page = await agent.GetFromJsonAsync<JsonNode>("/api/v1/customers?q=011&pageSize=20&page=2", TestContext.Current.CancellationToken);
        var customer = page!["items"]!.AsArray().First(c => c!["phone"] is JsonValue phone && phone.GetValue<string>().Length > 0)!;
        return (customer["accountNumber"]!.GetValue<string>(), customer["phone"]!.GetValue<string>());
    }
}
