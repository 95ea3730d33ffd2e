using Microsoft.Playwright;

namespace GridCare.BrowserTests;

public sealed class SlaAdminConsoleTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_CreatesEditsAndDisablesAPolicy_OnTheSlaPage()
    {
        var page = await app.NewPageAsync();
        await BrowserFixture.SignInAtAsync(page, "admin/sla", "admin");

        // A nameless policy is refused with the field named; nothing is saved.
        await page.GetByTestId("policy-new").ClickAsync();
        var editor = page.GetByTestId("policy-editor");
        await editor.GetByTestId("policy-save").ClickAsync();
        await Assertions.Expect(editor.GetByTestId("policy-errors")).ToContainTextAsync("name");

        await editor.GetByTestId("policy-input-name").FillAsync("投诉（短信）");
        await editor.GetByTestId("policy-input-english-name").FillAsync("Complaint, SMS");
        await editor.GetByTestId("policy-input-type").SelectOptionAsync("Complaint");
        await editor.GetByTestId("policy-input-channel").SelectOptionAsync("Sms");
        var reply = editor.GetByTestId("policy-target-Reply");
        await reply.GetByTestId("target-used").CheckAsync();
        await reply.GetByTestId("target-amount").FillAsync("2");
        await editor.GetByTestId("policy-save").ClickAsync();

        var row = page.GetByTestId("policy-table").Locator("tr", new() { HasText = "投诉（短信）" });
        await Assertions.Expect(row).ToContainTextAsync("答复：2 个工作日");
        await Assertions.Expect(row).ToContainTextAsync("投诉 · 短信");
        await Assertions.Expect(page.GetByTestId("change-action").First).ToHaveTextAsync("新增");

        await row.GetByTestId("policy-edit").ClickAsync();
        await page.GetByTestId("policy-editor").GetByTestId("policy-target-Reply").GetByTestId("target-amount").FillAsync("3");
        await page.GetByTestId("policy-editor").GetByTestId("policy-save").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("答复：3 个工作日");
        await Assertions.Expect(page.GetByTestId("change-action").First).ToHaveTextAsync("修改");

        await row.GetByTestId("policy-disable").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("已停用");
        await Assertions.Expect(page.GetByTestId("change-action").First).ToHaveTextAsync("停用");
    }
}
