using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GridCare.Features.Notifications;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GridCare.BrowserTests;

public sealed partial class SurveyPortalTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Customer_OnAPhone_AnswersTheSurveyFromTheirLink()
    {
        app.EnsureAvailable();
        var link = await SurveyLinkAsync();
        var page = await app.NewPhonePageAsync();

        await page.GotoAsync(link.TrimStart('/'));
        await Assertions.Expect(page.GetByTestId("survey-title")).ToHaveTextAsync("抄表服务调查");
        await Assertions.Expect(page.GetByTestId("survey-csat")).ToContainTextAsync("您对抄表服务满意吗？");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The survey scrolls sideways on a phone.");
        await page.GetByTestId("submit-survey").ClickAsync();
        await Assertions.Expect(page.Locator("form.portal-form")).ToContainTextAsync("请选择您的满意程度。");

        await page.GetByTestId("csat-4").CheckAsync();
        await page.GetByTestId("nps-9").CheckAsync();
        await page.GetByTestId("survey-comment").FillAsync("抄表员很耐心");
        await page.GetByTestId("submit-survey").ClickAsync();

        await Assertions.Expect(page.GetByTestId("survey-done")).ToContainTextAsync("感谢您的评价");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("survey-done")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignedInCustomer_OnAPhone_FindsTheirOpenSurvey_AndItLeavesOnceAnswered()
    {
        app.EnsureAvailable();
        var phone = await SurveyForOneCustomerAsync();
        var page = await app.NewPhonePageAsync();

        await page.GotoAsync("portal/login");
        await page.Locator("#phone").FillAsync(phone);
        await page.GetByTestId("send-code").ClickAsync();
        var code = DemoCode().Match(await page.GetByTestId("demo-code").InnerTextAsync()).Value;
        await page.Locator("#code").FillAsync(code);
        await page.GetByTestId("verify-code").ClickAsync();
        await page.WaitForURLAsync("**/portal/orders");

        await Assertions.Expect(page.GetByTestId("my-survey")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("my-survey-link")).ToHaveTextAsync("营业厅服务评价");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "My orders scrolls sideways on a phone.");
        await page.GetByTestId("my-survey-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("survey-title")).ToHaveTextAsync("营业厅服务评价");
        await page.GetByTestId("csat-5").CheckAsync();
        await page.GetByTestId("submit-survey").ClickAsync();
        await Assertions.Expect(page.GetByTestId("survey-done")).ToBeVisibleAsync();

        await page.GotoAsync("portal/orders");
        await Assertions.Expect(page.GetByTestId("my-accounts")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("my-survey")).ToHaveCountAsync(0);
    }

    /// <summary>A CSAT survey sent to the second customer who is alone with their phone; that phone.</summary>
    private async Task<string> SurveyForOneCustomerAsync()
    {
        using var admin = await app.ClientForAsync("admin");
        var survey = await admin.PostAsJsonAsync("/api/v1/surveys", new { titleZh = "营业厅服务评价", titleEn = "Service hall", csatQuestionZh = "您对营业厅服务满意吗？" }, TestContext.Current.CancellationToken);
        var surveyId = (await survey.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!["id"]!.GetValue<int>();
        string phone;
        long customer;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            phone = (await db.Customers.Where(c => c.Phone != null).GroupBy(c => c.Phone!).Where(g => g.Count() == 1).Select(g => g.Key)
                .OrderBy(p => p).Skip(1).FirstAsync(TestContext.Current.CancellationToken));
            customer = await db.Customers.Where(c => c.Phone == phone).Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        var created = await admin.PostAsJsonAsync(
            "/api/v1/campaigns",
            new { name = "营业厅评价", kind = "survey", surveyId, audience = new { source = "customers", customerIds = new[] { customer } } },
            TestContext.Current.CancellationToken);
        var id = (await created.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!["id"]!.GetValue<long>();
        (await admin.PostAsync(new Uri($"/api/v1/campaigns/{id}/send", UriKind.Relative), null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        return phone;
    }

    /// <summary>A one-customer survey campaign sent through the API; its link as the SMS carries it.</summary>
    private async Task<string> SurveyLinkAsync()
    {
        using var admin = await app.ClientForAsync("admin");
        var survey = await admin.PostAsJsonAsync(
            "/api/v1/surveys",
            new { titleZh = "抄表服务调查", titleEn = "Meter reading survey", csatQuestionZh = "您对抄表服务满意吗？", npsQuestionZh = "您有多大可能推荐我们？", commentPromptZh = "其他意见" },
            TestContext.Current.CancellationToken);
        var surveyId = (await survey.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!["id"]!.GetValue<int>();
        long customer;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            customer = await db.Customers.Where(c => c.Phone != null).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(TestContext.Current.CancellationToken);
        }

        var created = await admin.PostAsJsonAsync(
            "/api/v1/campaigns",
            new { name = "survey", kind = "survey", surveyId, audience = new { source = "customers", customerIds = new[] { customer } } },
            TestContext.Current.CancellationToken);
        var id = (await created.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!["id"]!.GetValue<long>();
        (await admin.PostAsync(new Uri($"/api/v1/campaigns/{id}/send", UriKind.Relative), null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var eventKey = $"campaign:{id}";
            var text = await db.Set<NotificationMessage>().Where(m => m.EventKey == eventKey).Select(m => m.Text).SingleAsync(TestContext.Current.CancellationToken);
            return new Uri(SurveyLink().Match(text).Value).AbsolutePath;
        }
    }

    [GeneratedRegex(@"https?://\S+/portal/survey/[A-Za-z0-9_-]{43}")]
    private static partial Regex SurveyLink();

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex DemoCode();
}
