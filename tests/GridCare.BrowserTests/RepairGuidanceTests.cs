using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridCare.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GridCare.BrowserTests;

/// <summary>
/// A guided repair: the crew follows the meter-fault procedure on a phone, loses the connection for one step and
/// gets it back, while the dispatcher's guidance view shows each step as it arrives and sends a message that
/// reaches the phone; every step is stored and written to the thread once.
/// </summary>
public sealed class RepairGuidanceTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Crew_CompletesAGuidedRepairOnAPhone_WhileTheDispatcherFollowsLive()
    {
        var number = await AcceptedRepairAsync();
        var dispatcher = await app.SignedInPageAsync("dispatcher");
        await dispatcher.GotoAsync($"work-orders/{number}/guidance");
        await dispatcher.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(dispatcher.GetByTestId("guidance-view-waiting")).ToBeVisibleAsync();
        var viewSteps = dispatcher.GetByTestId("guidance-view-step");

        var crew = await BrowserFixture.SignInAsync(await PhonePageAsync(), "crew");
        var scriptErrors = new List<string>();
        crew.PageError += (_, error) => scriptErrors.Add(error);
        await crew.GotoAsync($"crew/guidance/{number}");
        await crew.GetByTestId("procedure-meter-fault").ClickAsync();
        var title = crew.GetByTestId("step-title");
        await Assertions.Expect(title).ToHaveTextAsync("核对户号表号、穿戴防护");
        await crew.GetByTestId("step-complete").ClickAsync();
        await Assertions.Expect(viewSteps).ToHaveCountAsync(1);
        await Assertions.Expect(dispatcher.GetByTestId("guidance-view-procedure")).ToHaveTextAsync("表计故障");

        await Assertions.Expect(title).ToHaveTextAsync("表箱验电");
        await crew.GetByTestId("step-complete").ClickAsync();
        await Assertions.Expect(title).ToHaveTextAsync("检查表计外观、封印和接线");
        await crew.GetByTestId("step-complete").ClickAsync();
        await Assertions.Expect(crew.Locator(".gg-error")).ToHaveTextAsync("请填写全部测量值并上传所需照片。");
        await crew.GetByTestId("step-photo").SetInputFilesAsync(new FilePayload { Name = "表计.png", MimeType = "image/png", Buffer = TestFiles.Png("guided-meter") });
        await Assertions.Expect(crew.GetByTestId("photo-count")).ToHaveTextAsync("照片 1/1");
        await crew.GetByTestId("step-complete").ClickAsync();
        await Assertions.Expect(viewSteps).ToHaveCountAsync(3);

        await crew.Context.SetOfflineAsync(true);
        await Assertions.Expect(title).ToHaveTextAsync("测量表前、表后电压");
        await crew.GetByTestId("reading-u-in").FillAsync("229");
        await crew.GetByTestId("reading-u-out").FillAsync("186");
        await Assertions.Expect(crew.GetByTestId("reading-flag-u-out")).ToHaveTextAsync("超出允许范围");
        await Assertions.Expect(crew.GetByTestId("reading-flag-u-in")).ToHaveTextAsync(string.Empty);
        await crew.GetByTestId("step-complete").ClickAsync();
        await Assertions.Expect(crew.GetByTestId("guidance-sync")).ToHaveAttributeAsync("data-state", "offline");
        await Assertions.Expect(crew.Locator("[data-testid=done-step][data-synced=false]")).ToHaveCountAsync(1);
        await Assertions.Expect(title).ToHaveTextAsync("判断是否换表");
        await Assertions.Expect(viewSteps).ToHaveCountAsync(3);

        await crew.Context.SetOfflineAsync(false);
        await Assertions.Expect(viewSteps).ToHaveCountAsync(4);
        await Assertions.Expect(dispatcher.GetByTestId("guidance-view-out-of-limit")).ToHaveCountAsync(1);
        await Assertions.Expect(crew.Locator("[data-testid=done-step][data-synced=false]")).ToHaveCountAsync(0);
        await Assertions.Expect(crew.GetByTestId("guidance-sync")).ToHaveAttributeAsync("data-state", "synced");

        await dispatcher.GetByTestId("guidance-message-input").FillAsync("表后电压偏低，先检查表后开关接触，不必换表");
        await dispatcher.GetByTestId("guidance-send").ClickAsync();
        await Assertions.Expect(dispatcher.GetByTestId("guidance-view-message")).ToHaveCountAsync(1);
        await Assertions.Expect(crew.GetByTestId("guidance-message")).ToContainTextAsync("表后电压偏低，先检查表后开关接触，不必换表");

        await crew.GetByTestId("answer-no").ClickAsync();
        await Assertions.Expect(title).ToHaveTextAsync("恢复送电并复测");
        await crew.GetByTestId("reading-u-customer").FillAsync("224");
        await crew.GetByTestId("step-complete").ClickAsync();
        await Assertions.Expect(crew.GetByTestId("guidance-finished")).ToBeVisibleAsync();
        await Assertions.Expect(viewSteps).ToHaveCountAsync(6);
        await Assertions.Expect(dispatcher.GetByTestId("guidance-view-progress")).ToContainTextAsync("作业指导已完成");

        Assert.Empty(scriptErrors);
        using var api = await app.ClientForAsync("dispatcher");
        var guidance = await api.GetFromJsonAsync<JsonNode>($"/api/v1/work-orders/{number}/guidance", TestContext.Current.CancellationToken);
        var order = await api.GetFromJsonAsync<JsonNode>($"/api/v1/work-orders/{number}", TestContext.Current.CancellationToken);
        Assert.Equal(
            ["identify", "box-test", "inspect", "voltages", "replace-needed", "restore"],
            guidance!["steps"]!.AsArray().Select(s => s!["stepId"]!.GetValue<string>()));
        var reports = order!["entries"]!.AsArray().Where(e => e!["text"]!.GetValue<string>().StartsWith("[现场指导", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, reports.Count);
        Assert.Single(reports, r => r!["text"]!.GetValue<string>().Contains("表后电压 186 V（超限", StringComparison.Ordinal));
        Assert.Single(order["entries"]!.AsArray(), e => e!["text"]!.GetValue<string>().StartsWith("[远程指导]", StringComparison.Ordinal));
    }

    private async Task<IPage> PhonePageAsync()
    {
        return await app.NewPhonePageAsync();
    }

    /// <summary>A repair of the first station's customer, dispatched to its crew by the routing rules and accepted.</summary>
    private async Task<string> AcceptedRepairAsync()
    {
        app.EnsureAvailable();
        using var agent = await app.ClientForAsync("agent");
        using var dispatcher = await app.ClientForAsync("dispatcher");
        var cancel = TestContext.Current.CancellationToken;
        var customers = await agent.GetFromJsonAsync<JsonNode>("/api/v1/customers?q=011&pageSize=10&page=4", cancel);
        var contact = await agent.PostAsJsonAsync("/api/v1/contacts", new
        {
            channel = "hotline",
            externalId = Guid.NewGuid().ToString("N"),
            accountNumber = customers!["items"]![3]!["accountNumber"]!.GetValue<string>(),
            text = "电表黑屏，家里没电",
            type = "repair",
        }, cancel);
        contact.EnsureSuccessStatusCode();
        var number = (await contact.Content.ReadFromJsonAsync<JsonNode>(cancel))!["order"]!["number"]!.GetValue<string>();
        var accepted = await dispatcher.PostAsJsonAsync($"/api/v1/work-orders/{number}/accept", new { }, cancel);
        accepted.EnsureSuccessStatusCode();
        return number;
    }
}
