using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GridCare.Features.Notifications;
using GridCare.Features.Revisits;
using GridCare.Platform.Database;
using GridCare.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Tests;

/// <summary>Revisits on a clock the tests move: due after one hour, links valid for two (see <see cref="ClockSettings"/>).</summary>
public abstract partial class RevisitTests(GridCareFactory factory, FakeTimeProvider clock)
{
    [Fact]
    public async Task Resolve_Repair_OpensARevisitTask_WithAnSmsInvitation_DueForAgentsAfterTheDelay()
    {
        var (agent, number) = await ResolvedRepairAsync("011", 40);

        var order = await agent.GetJsonAsync($"/api/v1/work-orders/{number}");
        var waiting = await agent.GetJsonAsync("/api/v1/revisits?status=waiting&pageSize=200");
        var dueBefore = await agent.GetJsonAsync("/api/v1/revisits?status=due&pageSize=200");
        var invitation = await InvitationAsync(number);
        clock.Advance(TimeSpan.FromMinutes(61));
        var dueAfter = await agent.GetJsonAsync("/api/v1/revisits?status=due&pageSize=200");

        Assert.Equal("Revisit", order["order"]!["status"]!.GetValue<string>());
        var started = order["history"]!.AsArray()[^1]!;
        Assert.Equal(("StartRevisit", "revisit"), (started["action"]!.GetValue<string>(), started["actor"]!.GetValue<string>()));
        var task = Assert.Single(waiting["items"]!.AsArray(), t => t!["orderNumber"]!.GetValue<string>() == number)!;
        Assert.Equal(("Open", false, true, 1), (task["status"]!.GetValue<string>(), task["isDue"]!.GetValue<bool>(), task["invited"]!.GetValue<bool>(), task["round"]!.GetValue<int>()));
        Assert.DoesNotContain(dueBefore["items"]!.AsArray(), t => t!["orderNumber"]!.GetValue<string>() == number);
        Assert.Contains(dueAfter["items"]!.AsArray(), t => t!["orderNumber"]!.GetValue<string>() == number && t["isDue"]!.GetValue<bool>());
        Assert.Equal((NotificationTemplates.WorkOrderRevisit, NotificationChannel.Sms), (invitation.Template, invitation.Channel));
        Assert.StartsWith("【GridCare】大方供电局：", invitation.Text, StringComparison.Ordinal);
        Assert.Contains(number, invitation.Text, StringComparison.Ordinal);
        Assert.Matches(@"https://95598\.example\.cn/portal/revisit/[A-Za-z0-9_-]{43} ", invitation.Text);
        Assert.Equal((await CustomerOfAsync(agent, number))["phone"]!.GetValue<string>(), invitation.Recipient);
    }

    [Fact]
    public async Task Agent_AnswersARevisit_TheOrderClosesAndTheTaskKeepsTheResult()
    {
        var (agent, number) = await ResolvedRepairAsync("011", 41);
        var id = await TaskIdAsync(agent, number);

        var (status, answered, _) = await agent.SendAsync(HttpMethod.Post, $"/api/v1/revisits/{id}/answer", ApiJson.Json(new { result = "fairlySatisfied", comment = "来得及时，但等了一会" }));
        var (again, _, problemType) = await agent.SendAsync(HttpMethod.Post, $"/api/v1/revisits/{id}/answer", ApiJson.Json(new { result = "satisfied" }));
        var order = await agent.GetJsonAsync($"/api/v1/work-orders/{number}");

        Assert.Equal(200, status);
        Assert.Equal(("Answered", "FairlySatisfied", "Agent", "agent"), (
            answered!["status"]!.GetValue<string>(), answered["result"]!.GetValue<string>(), answered["source"]!.GetValue<string>(), answered["answeredBy"]!.GetValue<string>()));
        Assert.Equal(409, again);
        Assert.Equal("application/problem+json", problemType);
        Assert.Equal(("Closed", "FairlySatisfied"), (order["order"]!["status"]!.GetValue<string>(), order["revisitResult"]!.GetValue<string>()));
        var last = order["history"]!.AsArray()[^1]!;
        Assert.Equal(("RecordRevisit", "agent", "Hotline"), (last["action"]!.GetValue<string>(), last["actor"]!.GetValue<string>(), last["channel"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Answer_WithoutResult_Returns400_AndByCrew_Returns403()
    {
        var (agent, number) = await ResolvedRepairAsync("011", 42);
        var id = await TaskIdAsync(agent, number);
        var crew = await factory.ClientForAsync("crew");

        var (missing, body, _) = await agent.SendAsync(HttpMethod.Post, $"/api/v1/revisits/{id}/answer", ApiJson.Json(new { comment = "没说满不满意" }));
        var (badFollowUp, badBody, _) = await agent.SendAsync(HttpMethod.Post, $"/api/v1/revisits/{id}/answer", ApiJson.Json(new { result = "unsatisfied", followUp = "shrug" }));
        var (byCrew, _, _) = await crew.SendAsync(HttpMethod.Post, $"/api/v1/revisits/{id}/answer", ApiJson.Json(new { result = "satisfied" }));
        var (crewList, _, _) = await crew.SendAsync(HttpMethod.Get, "/api/v1/revisits");

        Assert.Equal(400, missing);
        Assert.NotNull(body!["errors"]!["result"] ?? body["errors"]!["Result"]);
        Assert.Equal(400, badFollowUp);
        Assert.NotNull(badBody!["errors"]!["followUp"]);
        Assert.Equal(403, byCrew);
        Assert.Equal(403, crewList);
    }

    [Fact]
    public async Task Link_OpensTheFormWithoutThePhone_AndWorksOnlyOnce()
    {
        var (agent, number) = await ResolvedRepairAsync("011", 43);
        var link = Link((await InvitationAsync(number)).Text);
        var portal = factory.AnonymousClient();

        var page = await portal.GetStringAsync(new Uri(link, UriKind.Relative), TestContext.Current.CancellationToken);
        var form = await PortalForms.FormAsync(portal, link);
        var (status, done) = await PortalForms.PostAsync(portal, link, "portal-revisit-link", form.Token, Answer("Satisfied", "抢修师傅很专业"));
        var (_, second) = await PortalForms.PostAsync(portal, link, "portal-revisit-link", form.Token, Answer("Unsatisfied", "再评一次"));
        var reopened = await portal.GetStringAsync(new Uri(link, UriKind.Relative), TestContext.Current.CancellationToken);
        var order = await agent.GetJsonAsync($"/api/v1/work-orders/{number}");
        var task = await agent.GetJsonAsync($"/api/v1/revisits/{await TaskIdAsync(agent, number, "answered")}");

        Assert.Contains(number, page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"submit-revisit\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"revisit-done\"", done, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"link-used\"", second, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"submit-revisit\"", reopened, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"link-used\"", reopened, StringComparison.Ordinal);
        Assert.Equal(("Closed", "Satisfied"), (order["order"]!["status"]!.GetValue<string>(), order["revisitResult"]!.GetValue<string>()));
        Assert.Equal(("SmsLink", true, "抢修师傅很专业"), (task["source"]!.GetValue<string>(), task["linkUsed"]!.GetValue<bool>(), task["comment"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Link_AfterItsLifetime_IsExpired_AndAForgedLinkIsUnknown()
    {
        var (agent, number) = await ResolvedRepairAsync("011", 44);
        var link = Link((await InvitationAsync(number)).Text);
        var middle = link.Length - 20;
        var forged = link[..middle] + (link[middle] == 'A' ? 'B' : 'A') + link[(middle + 1)..];
        var portal = factory.AnonymousClient();
        var form = await PortalForms.FormAsync(portal, link);

        clock.Advance(TimeSpan.FromHours(2));
        var expired = await portal.GetStringAsync(new Uri(link, UriKind.Relative), TestContext.Current.CancellationToken);
        var (_, posted) = await PortalForms.PostAsync(portal, link, "portal-revisit-link", form.Token, Answer("Satisfied", null));
        var unknown = await portal.GetStringAsync(new Uri(forged, UriKind.Relative), TestContext.Current.CancellationToken);
        var task = await agent.GetJsonAsync($"/api/v1/revisits/{await TaskIdAsync(agent, number)}");

        Assert.Contains("data-testid=\"link-expired\"", expired, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"link-by-number\"", expired, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"link-expired\"", posted, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"revisit-done\"", posted, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"link-unknown\"", unknown, StringComparison.Ordinal);
        Assert.Equal(("Open", false), (task["status"]!.GetValue<string>(), task["linkUsed"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Unsatisfied_ThroughTheLink_ReopensTheRepair_AndTheNextResolutionGetsANewRevisit()
    {
        var (agent, number) = await ResolvedRepairAsync("011", 45);
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var link = Link((await InvitationAsync(number)).Text);
        var portal = factory.AnonymousClient();
        var form = await PortalForms.FormAsync(portal, link);

        var (_, html) = await PortalForms.PostAsync(portal, link, "portal-revisit-link", form.Token, Answer("Unsatisfied", "晚上又停电了", "Reopen"));
        var reopened = await agent.GetJsonAsync($"/api/v1/work-orders/{number}");
        await ActAsync(dispatcher, number, "dispatch", new { team = "城关抢修班" });
        await ActAsync(dispatcher, number, "accept");
        await ActAsync(dispatcher, number, "arrive");
        await ActAsync(dispatcher, number, "resolve", new { causeCode = "overload", resolutionCode = "replaced-fuse" });
        var tasks = (await agent.GetJsonAsync("/api/v1/revisits?pageSize=200"))["items"]!.AsArray().Where(t => t!["orderNumber"]!.GetValue<string>() == number).ToList();

        Assert.Contains("data-testid=\"revisit-reopened\"", html, StringComparison.Ordinal);
        Assert.Equal(("Received", 1, "Unsatisfied"), (reopened["order"]!["status"]!.GetValue<string>(), reopened["reopenCount"]!.GetValue<int>(), reopened["revisitResult"]!.GetValue<string>()));
        Assert.Equal(2, tasks.Count);
        var first = tasks.Single(t => t!["round"]!.GetValue<int>() == 1)!;
        Assert.Equal(("Answered", "Reopen"), (first["status"]!.GetValue<string>(), first["followUp"]!.GetValue<string>()));
        Assert.Equal("Open", tasks.Single(t => t!["round"]!.GetValue<int>() == 2)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unsatisfied_WithTheService_OpensALinkedComplaint_AndClosesTheRepair()
    {
        var (agent, number) = await ResolvedRepairAsync("011", 46);
        var id = await TaskIdAsync(agent, number);

        var (status, answered, _) = await agent.SendAsync(HttpMethod.Post, $"/api/v1/revisits/{id}/answer", ApiJson.Json(new { result = "unsatisfied", comment = "抢修人员态度很差", followUp = "complaint" }));
        var complaintNumber = answered!["followUpOrderNumber"]!.GetValue<string>();
        var complaint = await agent.GetJsonAsync($"/api/v1/work-orders/{complaintNumber}");
        var repair = await agent.GetJsonAsync($"/api/v1/work-orders/{number}");

        Assert.Equal(200, status);
        Assert.Equal("Complaint", answered["followUp"]!.GetValue<string>());
        Assert.Equal(("Complaint", "Service", "大方客户服务中心"), (
            complaint["order"]!["type"]!.GetValue<string>(), complaint["order"]!["complaintClass"]!.GetValue<string>(), complaint["order"]!["team"]!.GetValue<string>()));
        Assert.Equal(repair["order"]!["customerId"]!.GetValue<long>(), complaint["order"]!["customerId"]!.GetValue<long>());
        Assert.Contains(number, complaint["entries"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("抢修人员态度很差", complaint["entries"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(("Closed", "Unsatisfied", 0), (repair["order"]!["status"]!.GetValue<string>(), repair["revisitResult"]!.GetValue<string>(), repair["reopenCount"]!.GetValue<int>()));
        Assert.Contains(repair["entries"]!.AsArray(), e => e!["text"]!.GetValue<string>().Contains(complaintNumber, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Order_ClosedFromItsRevisitWithoutAnAnswer_CancelsTheTask()
    {
        var (agent, number) = await ResolvedRepairAsync("011", 47);

        await ActAsync(agent, number, "close", new { reason = "三次联系客户未接通" });
        var task = (await agent.GetJsonAsync("/api/v1/revisits?status=cancelled&pageSize=200"))["items"]!.AsArray().Single(t => t!["orderNumber"]!.GetValue<string>() == number)!;

        Assert.Equal("Cancelled", task["status"]!.GetValue<string>());
        Assert.StartsWith("Close", task["cancelReason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevisitOnTheOrder_ByTheOldWorkOrderAction_AnswersTheTaskToo()
    {
        var (agent, number) = await ResolvedRepairAsync("011", 48);

        await ActAsync(agent, number, "revisit", new { result = "neutral", comment = "一般" });
        var task = (await agent.GetJsonAsync("/api/v1/revisits?status=answered&pageSize=200"))["items"]!.AsArray().Single(t => t!["orderNumber"]!.GetValue<string>() == number)!;

        Assert.Equal(("Neutral", "Agent"), (task["result"]!.GetValue<string>(), task["source"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Results_CountAnswersPerDayAndUnit_WithTheSatisfactionRate()
    {
        var (agent, satisfiedOrder) = await ResolvedRepairAsync("012", 40);
        var (_, neutralOrder) = await ResolvedRepairAsync("012", 41);
        var station = (await CustomerOfAsync(agent, satisfiedOrder))["orgUnitPath"]!.AsArray()[^1]!["id"]!.GetValue<int>();
        var county = await RoutingRuleApiTests.UnitIdAsync(factory, "GZBJ01");
        await agent.SendAsync(HttpMethod.Post, $"/api/v1/revisits/{await TaskIdAsync(agent, satisfiedOrder)}/answer", ApiJson.Json(new { result = "satisfied" }));
        await agent.SendAsync(HttpMethod.Post, $"/api/v1/revisits/{await TaskIdAsync(agent, neutralOrder)}/answer", ApiJson.Json(new { result = "neutral" }));
        var day = Domain.Sla.ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var manager = await factory.ClientForAsync("manager");
        var crew = await factory.ClientForAsync("crew");

        var results = await manager.GetJsonAsync($"/api/v1/revisits/results?from={day}&to={day}&period=day&orgUnitId={county}");
        var (crewStatus, _, _) = await crew.SendAsync(HttpMethod.Get, "/api/v1/revisits/results");
        var (badPeriod, badBody, _) = await manager.SendAsync(HttpMethod.Get, "/api/v1/revisits/results?period=fortnight&from=2026-13-01");

        var row = results["rows"]!.AsArray().Single(r => r!["orgUnitId"]!.GetValue<int>() == station)!;
        Assert.Equal(day, row["period"]!.GetValue<string>());
        Assert.Equal("羊场供电所", row["orgUnit"]!.GetValue<string>());
        Assert.Equal((1, 1, 2, 0.5), (row["satisfied"]!.GetValue<int>(), row["neutral"]!.GetValue<int>(), row["answered"]!.GetValue<int>(), row["satisfactionRate"]!.GetValue<double>()));
        Assert.True(results["totals"]![0]!["answered"]!.GetValue<int>() >= 2);
        Assert.Equal(403, crewStatus);
        Assert.Equal(400, badPeriod);
        Assert.NotNull(badBody!["errors"]!["period"]);
        Assert.NotNull(badBody["errors"]!["from"]);
    }

    private static Dictionary<string, string> Answer(string result, string? comment, string? followUp = null)
    {
        var fields = new Dictionary<string, string> { ["Input.Result"] = result, ["Input.Comment"] = comment ?? string.Empty };
        if (followUp is not null)
        {
            fields["Input.FollowUp"] = followUp;
        }

        return fields;
    }

    private async Task<(HttpClient Agent, string Number)> ResolvedRepairAsync(string accountPrefix, int nth)
    {
        var agent = await factory.ClientForAsync("agent");
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var customer = await ResidentialAsync(agent, accountPrefix, nth);
        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "hotline",
            externalId = Guid.NewGuid().ToString("N"),
            accountNumber = customer["accountNumber"]!.GetValue<string>(),
            text = "家里没电了",
            type = "repair",
        }));
        Assert.Equal(201, status);
        var number = body!["order"]!["number"]!.GetValue<string>();
        await ActAsync(dispatcher, number, "accept");
        await ActAsync(dispatcher, number, "arrive");
        var resolved = await ActAsync(dispatcher, number, "resolve", new { causeCode = "loose-connection", resolutionCode = "tightened" });
        Assert.Equal("Revisit", resolved["order"]!["status"]!.GetValue<string>());
        return (agent, number);
    }

    /// <summary>A residential account of the station the prefix names, distinct per test so no contact repeats another's.</summary>
    private static async Task<JsonNode> ResidentialAsync(HttpClient agent, string accountPrefix, int nth)
    {
        var page = await agent.GetJsonAsync($"/api/v1/customers?q={accountPrefix}&pageSize=200");
        return page["items"]!.AsArray().Where(c => c!["category"]!.GetValue<string>() == "Residential" && c["phone"] is JsonValue).ElementAt(nth)!;
    }

    private static async Task<long> TaskIdAsync(HttpClient agent, string number, string status = "open")
    {
        var tasks = await agent.GetJsonAsync($"/api/v1/revisits?status={status}&pageSize=200");
        return tasks["items"]!.AsArray().Single(t => t!["orderNumber"]!.GetValue<string>() == number)!["id"]!.GetValue<long>();
    }

    private static async Task<JsonNode> CustomerOfAsync(HttpClient agent, string number)
    {
        var order = await agent.GetJsonAsync($"/api/v1/work-orders/{number}");
        return await agent.GetJsonAsync($"/api/v1/customers/{order["order"]!["customerId"]}");
    }

    /// <summary>The invitation in the notification outbox: the SMS the dispatcher sends after the commit.</summary>
    private async Task<NotificationMessage> InvitationAsync(string number)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<NotificationMessage>().AsNoTracking()
            .SingleAsync(m => m.SubjectType == OpenRevisitTask.SubjectType && m.SubjectId == number, TestContext.Current.CancellationToken);
    }

    private static string Link(string text) => new Uri(LinkInText().Match(text).Value).AbsolutePath;

    private static async Task<JsonNode> ActAsync(HttpClient client, string number, string action, object? body = null)
    {
        var (status, json, _) = await client.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/{action}", ApiJson.Json(body ?? new { }));
        Assert.True(status == 200, $"{action} on {number} answered {status}: {json}");
        return json!;
    }

    [GeneratedRegex(@"https://\S+/portal/revisit/[A-Za-z0-9_-]+")]
    private static partial Regex LinkInText();
}

public sealed class SqliteRevisitTests(SqliteClockFactory factory) : RevisitTests(factory, factory.Clock), IClassFixture<SqliteClockFactory>;

public sealed class PostgresRevisitTests(PostgresClockFactory factory) : RevisitTests(factory, factory.Clock), IClassFixture<PostgresClockFactory>;
