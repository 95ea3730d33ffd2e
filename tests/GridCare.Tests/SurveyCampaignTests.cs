using System.Text.RegularExpressions;
using GridCare.Features.Notifications;
using GridCare.Features.Surveys;
using GridCare.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Tests;

/// <summary>
/// Survey campaigns: an administrator sets the questions, a campaign texts each customer a signed link, customers
/// answer on the portal page without signing in (once; a tampered link opens nothing), and the answers give CSAT and
/// NPS in the satisfaction indicators, checked by hand; customers who take no campaigns are invited to nothing.
/// </summary>
public abstract partial class SurveyCampaignTests(GridCareFactory factory, FakeTimeProvider clock)
{
    [Fact]
    public async Task SurveyLinks_AnsweredOnce_FeedCsatAndNps()
    {
        using var admin = await factory.ClientForAsync("admin");
        using var analyst = await factory.ClientForAsync("analyst");
        using var portal = factory.AnonymousClient();
        var noQuestion = await admin.SendAsync(HttpMethod.Post, "/api/v1/surveys", ApiJson.Json(new { titleZh = "调查", titleEn = "Survey" }));
        var byAnalyst = await analyst.SendAsync(HttpMethod.Post, "/api/v1/surveys", ApiJson.Json(new { titleZh = "调查", titleEn = "Survey", csatQuestionZh = "满意吗？" }));
        var survey = await admin.SendAsync(HttpMethod.Post, "/api/v1/surveys", ApiJson.Json(new
        {
            titleZh = "供电服务满意度调查",
            titleEn = "Power service survey",
            csatQuestionZh = "您对我们的服务满意吗？",
            csatQuestionEn = "How satisfied are you with our service?",
            npsQuestionZh = "您有多大可能向亲友推荐我们？",
            npsQuestionEn = "How likely are you to recommend us?",
            commentPromptZh = "其他意见",
        }));
        Assert.Equal((400, 403, 201), (noQuestion.Status, byAnalyst.Status, survey.Status));
        Assert.NotNull(noQuestion.Body!["errors"]!["csatQuestionZh"]);

        var (unit, customers) = await CampaignTestData.CustomersOfOneUnitAsync(factory, 4, skip: 20);
        var created = await analyst.SendAsync(HttpMethod.Post, "/api/v1/campaigns", ApiJson.Json(new
        {
            name = "十二月满意度调查",
            kind = "survey",
            surveyId = survey.Body!["id"]!.GetValue<int>(),
            audience = new { source = "customers", customerIds = customers },
        }));
        var id = created.Body!["id"]!.GetValue<long>();
        Assert.Equal(200, (await analyst.SendAsync(HttpMethod.Post, $"/api/v1/campaigns/{id}/send")).Status);
        var messages = await CampaignTestData.DispatchAllAsync(factory, $"campaign:{id}");
        var links = customers.Select(c => SurveyLink().Match(messages.Single(m => m.CustomerId == c).Text).Value).ToList();
        Assert.All(links, l => Assert.StartsWith("https://95598.example.cn/portal/survey/", l, StringComparison.Ordinal));
        Assert.Equal(4, links.Distinct().Count());
        Assert.StartsWith("【GridCare】供电服务满意度调查：请点击 https://95598.example.cn/portal/survey/", messages[0].Text, StringComparison.Ordinal);

        // Three customers answer: CSAT 5, 4, 2 and NPS 10, 9, 3; the fourth does not.
        var pages = links.Select(l => new Uri(l).AbsolutePath).ToList();
        var missing = await AnswerAsync(portal, pages[0], csat: null, nps: 10, comment: null);
        Assert.Contains("请选择您的满意程度。", missing, StringComparison.Ordinal);
        Assert.Contains("survey-done", await AnswerAsync(portal, pages[0], 5, 10, "抢修很及时"), StringComparison.Ordinal);
        Assert.Contains("survey-done", await AnswerAsync(portal, pages[1], 4, 9, null), StringComparison.Ordinal);
        Assert.Contains("survey-done", await AnswerAsync(portal, pages[2], 2, 3, null), StringComparison.Ordinal);

        // Twice: the thanks page again, the first answer stands. Tampered: the link opens nothing.
        var twice = await portal.GetStringAsync(new Uri(pages[0], UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("survey-done", twice, StringComparison.Ordinal);
        Assert.Contains("survey-done", await AnswerAsync(portal, pages[0], 1, 0, "改主意了"), StringComparison.Ordinal);
        var token = pages[3][(pages[3].LastIndexOf('/') + 1)..];
        var tampered = "/portal/survey/" + (token[0] == 'A' ? 'B' : 'A') + token[1..];
        var tamperedPage = await portal.GetStringAsync(new Uri(tampered, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("survey-unknown", tamperedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("submit-survey", tamperedPage, StringComparison.Ordinal);
        var answers = await factory.WithDbAsync(db => db.Set<SurveyInvitation>().AsNoTracking().Where(i => i.CampaignId == id).OrderBy(i => i.CustomerId)
            .Select(i => new { i.CustomerId, i.Csat, i.Nps, i.Comment, Answered = i.AnsweredAt != null }).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal((5, 10, "抢修很及时"), (answers.Single(a => a.CustomerId == customers[0]).Csat!.Value, answers.Single(a => a.CustomerId == customers[0]).Nps!.Value, answers.Single(a => a.CustomerId == customers[0]).Comment));
        Assert.False(answers.Single(a => a.CustomerId == customers[3]).Answered);

        // CSAT = (5 + 4 + 2) / 3 = 3.67; NPS = 2 promoters (10, 9) − 1 detractor (3) of 3 = 33.3.
        var indicators = await analyst.GetJsonAsync($"/api/v1/satisfaction/indicators?orgUnitId={unit}&from=2026-12-01&to=2026-12-01&interval=day");
        Assert.Equal((3.67, 33.3), (indicators["totals"]!["csat"]!.GetValue<double>(), indicators["totals"]!["nps"]!.GetValue<double>()));
        Assert.Equal((3.67, 33.3), (indicators["series"]![0]!["csat"]!.GetValue<double>(), indicators["series"]![0]!["nps"]!.GetValue<double>()));
        var before = await analyst.GetJsonAsync($"/api/v1/satisfaction/indicators?orgUnitId={unit}&from=2026-11-01&to=2026-11-30");
        Assert.Null(before["totals"]!["csat"]);
        var results = await analyst.GetJsonAsync($"/api/v1/campaigns/{id}/results");
        Assert.Equal((4, 3, 3.67, 33.3), (results.Int("sent"), results.Int("surveyAnswers"), results["csat"]!.GetValue<double>(), results["nps"]!.GetValue<double>()));

        // The unanswered link, after its 14 days: expired, no form.
        clock.Advance(TimeSpan.FromDays(15));
        factory.ForgetTokens();
        var expired = await portal.GetStringAsync(new Uri(pages[3], UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("survey-expired", expired, StringComparison.Ordinal);
        Assert.DoesNotContain("submit-survey", expired, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SurveyCampaign_OptedOutCustomer_GetsNoInvitationNorLink_AndCountsAsSkipped()
    {
        using var admin = await factory.ClientForAsync("admin");
        using var analyst = await factory.ClientForAsync("analyst");
        var survey = await admin.SendAsync(HttpMethod.Post, "/api/v1/surveys", ApiJson.Json(new { titleZh = "营业厅服务调查", titleEn = "Service hall survey", csatQuestionZh = "满意吗？" }));
        Assert.True(survey.Status == 201, $"{survey.Status}: {survey.Body}");
        var (_, c) = await CampaignTestData.CustomersOfOneUnitAsync(factory, 3, skip: 40);
        // c0 takes no campaigns, c1 only emergencies; c2 takes everything.
        await factory.PreferAsync(c[0], new NotificationPreferenceValues([NotificationChannel.Sms], null, null, null, null, "zh-CN", false, 0, 0, false, OptOutMarketing: true));
        await factory.PreferAsync(c[1], new NotificationPreferenceValues([NotificationChannel.Sms], null, null, null, null, "zh-CN", false, 0, 0, true));
        var created = await analyst.SendAsync(HttpMethod.Post, "/api/v1/campaigns", ApiJson.Json(new
        {
            name = "营业厅调查",
            kind = "survey",
            surveyId = survey.Body!["id"]!.GetValue<int>(),
            audience = new { source = "customers", customerIds = c },
        }));
        var id = created.Body!["id"]!.GetValue<long>();

        Assert.Equal(200, (await analyst.SendAsync(HttpMethod.Post, $"/api/v1/campaigns/{id}/send")).Status);
        var messages = await CampaignTestData.DispatchAllAsync(factory, $"campaign:{id}");
        var results = await analyst.GetJsonAsync($"/api/v1/campaigns/{id}/results");
        var invited = await factory.WithDbAsync(db => db.Set<SurveyInvitation>().AsNoTracking().Where(i => i.CampaignId == id).Select(i => i.CustomerId).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal([c[2]], invited);
        Assert.All(messages.Where(m => m.CustomerId != c[2]), m =>
        {
            Assert.Equal(NotificationStatus.Skipped, m.Status);
            Assert.DoesNotMatch(SurveyLink(), m.Text);
        });
        Assert.Equal(
            [NotificationMessage.OptedOutOfMarketing, NotificationMessage.OptedOut],
            c.Take(2).Select(x => messages.Single(m => m.CustomerId == x).LastError));
        Assert.Matches(SurveyLink(), messages.Single(m => m.CustomerId == c[2] && m.Status == NotificationStatus.Sent).Text);
        Assert.Equal((3, 1, 2, 0), (results.Int("recipients"), results.Int("sent"), results.Int("skippedOptedOut"), results.Int("skippedNoChannel")));
    }

    private static async Task<string> AnswerAsync(HttpClient portal, string page, int? csat, int? nps, string? comment)
    {
        var (token, _) = await PortalForms.FormAsync(portal, page);
        var fields = new Dictionary<string, string>();
        if (csat is { } c)
        {
            fields["Input.Csat"] = c.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (nps is { } n)
        {
            fields["Input.Nps"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (comment is not null)
        {
            fields["Input.Comment"] = comment;
        }

        var (status, html) = await PortalForms.PostAsync(portal, page, "portal-survey", token, fields);
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        return html;
    }

    [GeneratedRegex(@"https://\S+/portal/survey/[A-Za-z0-9_-]{43}")]
    private static partial Regex SurveyLink();
}

public sealed class SqliteSurveyCampaignTests(SqliteCampaignFactory factory)
    : SurveyCampaignTests(factory, factory.Clock), IClassFixture<SqliteCampaignFactory>;

public sealed class PostgresSurveyCampaignTests(PostgresCampaignFactory factory)
    : SurveyCampaignTests(factory, factory.Clock), IClassFixture<PostgresCampaignFactory>;
