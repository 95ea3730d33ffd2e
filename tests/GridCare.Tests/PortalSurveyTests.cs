using System.Net;
using System.Text.RegularExpressions;
using GridCare.Features.Notifications;
using GridCare.Features.Revisits;
using GridCare.Features.Surveys;
using GridCare.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GridCare.Tests.Infrastructure.PortalForms;

namespace GridCare.Tests;

/// <summary>
/// A customer signed in to the portal finds their own open survey invitations on /portal/orders — with the very link
/// their SMS carried — and an answered one is gone from the list.
/// </summary>
public abstract partial class PortalSurveyTests(GridCareFactory factory)
{
    [Fact]
    public async Task SignedInCustomer_SeesOwnOpenSurveys_UntilAnswered()
    {
        using var admin = await factory.ClientForAsync("admin");
        using var analyst = await factory.ClientForAsync("analyst");
        var survey = await admin.SendAsync(HttpMethod.Post, "/api/v1/surveys", ApiJson.Json(new { titleZh = "停电通知满意度调查", titleEn = "Outage notice survey", csatQuestionZh = "您对停电通知满意吗？" }));
        var (mine, phone, other) = await TwoCustomersAsync();
        var created = await analyst.SendAsync(HttpMethod.Post, "/api/v1/campaigns", ApiJson.Json(new
        {
            name = "停电通知调查",
            kind = "survey",
            surveyId = survey.Body!["id"]!.GetValue<int>(),
            audience = new { source = "customers", customerIds = new[] { mine, other } },
        }));
        var id = created.Body!["id"]!.GetValue<long>();
        Assert.Equal(200, (await analyst.SendAsync(HttpMethod.Post, $"/api/v1/campaigns/{id}/send")).Status);
        var eventKey = $"campaign:{id}";
        var sms = await factory.WithDbAsync(db => db.Set<NotificationMessage>().AsNoTracking().Where(m => m.EventKey == eventKey && m.CustomerId == mine)
            .Select(m => m.Text).SingleAsync(TestContext.Current.CancellationToken));
        var hashes = await factory.WithDbAsync(db => db.Set<SurveyInvitation>().AsNoTracking().Where(i => i.CampaignId == id)
            .ToDictionaryAsync(i => i.CustomerId, i => i.TokenHash, TestContext.Current.CancellationToken));

        var portal = factory.AnonymousClient();
        using var signIn = await PortalSignInTests.VerifyAsync(portal, phone, await PortalSignInTests.RequestDemoCodeAsync(portal, phone));
        var before = WebUtility.HtmlDecode(await portal.GetStringAsync(new Uri("/portal/orders", UriKind.Relative), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("待填写的满意度调查", before, StringComparison.Ordinal);
        Assert.Contains("停电通知满意度调查", before, StringComparison.Ordinal);
        var links = PortalSurveyLink().Matches(before).Select(m => m.Groups[1].Value).ToList();
        var token = Assert.Single(links);
        Assert.Equal(hashes[mine], RevisitLinks.Hash(token));
        Assert.NotEqual(hashes[other], RevisitLinks.Hash(token));
        Assert.EndsWith("/portal/survey/" + token, SmsLink().Match(sms).Value, StringComparison.Ordinal);

        var page = "/portal/survey/" + token;
        var form = await FormAsync(portal, page);
        var (status, answered) = await PostAsync(portal, page, "portal-survey", form.Token, new() { ["Input.Csat"] = "4" });
        var after = WebUtility.HtmlDecode(await portal.GetStringAsync(new Uri("/portal/orders", UriKind.Relative), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("survey-done", answered, StringComparison.Ordinal);
        Assert.DoesNotContain("my-surveys", after, StringComparison.Ordinal);
        Assert.DoesNotContain("/portal/survey/", after, StringComparison.Ordinal);
        Assert.Contains("my-accounts", after, StringComparison.Ordinal);
    }

    /// <summary>Two customers each alone with their phone, so a sign-in shows exactly one of them.</summary>
    private Task<(long Mine, string Phone, long Other)> TwoCustomersAsync() => factory.WithDbAsync(async db =>
    {
        var phones = await db.Customers.AsNoTracking().Where(c => c.Phone != null).GroupBy(c => c.Phone!)
            .Where(g => g.Count() == 1).Select(g => g.Key).OrderBy(p => p).Take(2).ToListAsync(TestContext.Current.CancellationToken);
        var customers = await db.Customers.AsNoTracking().Where(c => phones.Contains(c.Phone!)).ToDictionaryAsync(c => c.Phone!, c => c.Id, TestContext.Current.CancellationToken);
        return (customers[phones[0]], phones[0], customers[phones[1]]);
    });

    [GeneratedRegex("href=\"portal/survey/([A-Za-z0-9_-]{43})\"")]
    private static partial Regex PortalSurveyLink();

    [GeneratedRegex(@"https?://\S+/portal/survey/[A-Za-z0-9_-]{43}")]
    private static partial Regex SmsLink();
}

public sealed class SqlitePortalSurveyTests(SqliteFactory factory) : PortalSurveyTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresPortalSurveyTests(PostgresFactory factory) : PortalSurveyTests(factory), IClassFixture<PostgresFactory>;
