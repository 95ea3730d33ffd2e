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
        await using var context = await app.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();

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
}
