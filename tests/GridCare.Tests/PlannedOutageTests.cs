using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridCare.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Tests;

public abstract class PlannedOutageTests(GridCareFactory factory, FakeTimeProvider clock)
{
    [Fact]
    public async Task Planned_OnABranchSwitch_AnswersExactlyTheCustomersBelow_AndQueuesTheirNotices()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var branch = (await DemoNetwork.BranchesAsync(factory))[0];
        var expected = await DemoNetwork.CustomersBelowAsync(factory, branch.Id);

        var (status, body, _) = await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/outages", Plan("planned", branch.Code, days: 8));

        Assert.True(status == 201, $"{status}: {body}");
        var outage = body!["outage"]!;
        Assert.Equal(("Planned", "Scheduled", branch.Code), (outage["kind"]!.GetValue<string>(), outage["status"]!.GetValue<string>(), outage["device"]!["code"]!.GetValue<string>()));
        Assert.Equal(expected.Count, outage["customerCount"]!.GetValue<int>());
        Assert.Subset(expected, body["customers"]!.AsArray().Select(c => c!["id"]!.GetValue<long>()).ToHashSet());
        var notices = await NoticesAsync(dispatcher, outage["number"]!.GetValue<string>());
        Assert.Equal(expected.Order(), notices.Where(n => n["template"]!.GetValue<string>() == "outage.planned").Select(n => n["customerId"]!.GetValue<long>()).Distinct().Order());
    }

    [Fact]
    public async Task ShortNotice_Is422WithBothFigures_UnlessAnOverrideReasonIsGiven_WhichIsRecorded()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var branches = await DemoNetwork.BranchesAsync(factory);

        var (plannedStatus, planned, _) = await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/outages", Plan("planned", branches[1].Code, days: 3));
        var (temporaryStatus, temporary, _) = await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/outages", Plan("temporary", branches[1].Code, days: 0.5));
        var (overriddenStatus, overridden, _) = await dispatcher.SendAsync(
            HttpMethod.Post, "/api/v1/outages", Plan("planned", branches[1].Code, days: 3, overrideReason: "主变渗油，须尽快停电处理"));
        var (okStatus, _, _) = await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/outages", Plan("temporary", branches[2].Code, days: 1.5));

        Assert.Equal(422, plannedStatus);
        Assert.Equal((168.0, 72.0), (planned!["requiredNoticeHours"]!.GetValue<double>(), planned["givenNoticeHours"]!.GetValue<double>()));
        Assert.Equal(422, temporaryStatus);
        Assert.Equal(24.0, temporary!["requiredNoticeHours"]!.GetValue<double>());
        Assert.Equal(201, overriddenStatus);
        Assert.Equal("主变渗油，须尽快停电处理", overridden!["outage"]!["noticeOverrideReason"]!.GetValue<string>());
        Assert.Equal(201, okStatus);
        var detail = await dispatcher.GetJsonAsync($"/api/v1/outages/{overridden["outage"]!["number"]}");
        Assert.Contains(detail["timeline"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "NoticeOverridden");
    }

    [Fact]
    public async Task BadRequest_NamesEachField_AndAgentsMayNotPlan()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var agent = await factory.ClientForAsync("agent");

        var (status, body, _) = await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/outages", ApiJson.Json(new { kind = "unplanned", devices = UnknownDevice }));
        var (agentStatus, _, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/outages", Plan("planned", "BJ01-F001", days: 8));

        Assert.Equal(400, status);
        Assert.Equal(["devices", "end", "kind", "reason", "start"], body!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(403, agentStatus);
    }

    [Fact]
    public async Task Schedule_RemindsBeforeTheCut_StartsItOnTime_AndRestorationInStepsClosesTheLedger()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var branch = (await DemoNetwork.BranchesAsync(factory))[3];
        var (_, body, _) = await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/outages", Plan("planned", branch.Code, days: 1.0 / 24, overrideReason: "抢修后的恢复性检修"));
        var number = body!["outage"]!["number"]!.GetValue<string>();
        var start = body["outage"]!["plannedStart"]!.GetValue<DateTime>().ToUniversalTime();

        clock.SetUtcNow(start.AddMinutes(-40));
        await OutageRuns.ScheduleAsync(factory);
        var early = await dispatcher.GetJsonAsync($"/api/v1/outages/{number}");
        clock.SetUtcNow(start.AddMinutes(-20));
        await OutageRuns.ScheduleAsync(factory);
        await OutageRuns.ScheduleAsync(factory);
        var reminded = await dispatcher.GetJsonAsync($"/api/v1/outages/{number}");
        clock.SetUtcNow(start.AddMinutes(1));
        await OutageRuns.ScheduleAsync(factory);
        var started = await dispatcher.GetJsonAsync($"/api/v1/outages/{number}");
        clock.Advance(TimeSpan.FromHours(2));
        var firstTransformer = branch.ByTransformer[0][0].TransformerId;
        var (partialStatus, partial, _) = await dispatcher.SendAsync(HttpMethod.Post, $"/api/v1/outages/{number}/restore", ApiJson.Json(new { device = await OutageRuns.CodeOfAsync(factory, firstTransformer) }));
        clock.Advance(TimeSpan.FromHours(1));
        var (_, restored, _) = await dispatcher.SendAsync(HttpMethod.Post, $"/api/v1/outages/{number}/restore", ApiJson.Json(new { }));

        Assert.DoesNotContain(early["timeline"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "ReminderQueued");
        Assert.Single(reminded["timeline"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "ReminderQueued");
        Assert.Equal("Scheduled", reminded["outage"]!["status"]!.GetValue<string>());
        Assert.Equal(("Active", start), (started["outage"]!["status"]!.GetValue<string>(), started["outage"]!["startedAt"]!.GetValue<DateTime>().ToUniversalTime()));
        Assert.Equal(200, partialStatus);
        Assert.Equal(("Active", branch.ByTransformer[0].Count), (partial!["status"]!.GetValue<string>(), partial["restoredCustomerCount"]!.GetValue<int>()));
        Assert.Equal("Restored", restored!["status"]!.GetValue<string>());
        var ledger = await OutageRuns.InterruptionsAsync(factory, number);
        Assert.Equal(branch.Customers.Count, ledger.Count);
        Assert.All(ledger, r => Assert.Equal(start, r.InterruptedAt));
        Assert.Equal(branch.ByTransformer[0].Count, ledger.Count(r => r.RestoredAt == start.AddHours(2).AddMinutes(1)));
        Assert.Equal(branch.Customers.Count - branch.ByTransformer[0].Count, ledger.Count(r => r.RestoredAt == start.AddHours(3).AddMinutes(1)));
        var notices = await NoticesAsync(dispatcher, number);
        Assert.Equal(branch.Customers.Count, notices.Count(n => n["template"]!.GetValue<string>() == "outage.reminder"));
        Assert.Equal(branch.Customers.Count, notices.Count(n => n["template"]!.GetValue<string>() == "outage.restored"));
    }

    [Fact]
    public async Task EtrChange_IsOnTheTimeline_AndToldToCustomersStillOff_AndTheCancelledOutageIsTold()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var branch = (await DemoNetwork.BranchesAsync(factory))[4];
        var (_, body, _) = await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/outages", Plan("planned", branch.Code, days: 9));
        var number = body!["outage"]!["number"]!.GetValue<string>();
        var end = body["outage"]!["plannedEnd"]!.GetValue<DateTime>().ToUniversalTime();

        var (etrStatus, changed, _) = await dispatcher.SendAsync(HttpMethod.Post, $"/api/v1/outages/{number}/etr", ApiJson.Json(new { etr = end.AddHours(2), note = "增加更换绝缘子" }));
        var (pastStatus, past, _) = await dispatcher.SendAsync(HttpMethod.Post, $"/api/v1/outages/{number}/etr", ApiJson.Json(new { etr = clock.GetUtcNow().AddHours(-1) }));
        var (cancelStatus, _, _) = await dispatcher.SendAsync(HttpMethod.Post, $"/api/v1/outages/{number}/cancel", ApiJson.Json(new { reason = "天气原因改期" }));
        var (againStatus, _, _) = await dispatcher.SendAsync(HttpMethod.Post, $"/api/v1/outages/{number}/cancel", ApiJson.Json(new { reason = "再次取消" }));

        Assert.Equal(200, etrStatus);
        Assert.Equal(end.AddHours(2), changed!["etr"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(400, pastStatus);
        Assert.NotNull(past!["errors"]!["etr"]);
        Assert.Equal(200, cancelStatus);
        Assert.Equal(409, againStatus);
        var notices = await NoticesAsync(dispatcher, number);
        Assert.Equal(branch.Customers.Count, notices.Count(n => n["template"]!.GetValue<string>() == "outage.etr-changed"));
        Assert.Equal(branch.Customers.Count, notices.Count(n => n["template"]!.GetValue<string>() == "outage.cancelled"));
    }

    [Fact]
    public async Task Portal_ShowsTheOutage_ByAccountNumber_ButNotToAnAccountOutsideIt()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var branches = await DemoNetwork.BranchesAsync(factory);
        var branch = branches[5];
        var (_, body, _) = await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/outages", Plan("planned", branch.Code, days: 10, area: "测试台区东侧"));
        var number = body!["outage"]!["number"]!.GetValue<string>();
        var portal = factory.AnonymousClient();

        var inside = await portal.GetStringAsync($"/portal/outages?q={branch.Customers[0].AccountNumber}", TestContext.Current.CancellationToken);
        var outside = await portal.GetStringAsync($"/portal/outages?q={branches[6].Customers[0].AccountNumber}", TestContext.Current.CancellationToken);
        var byArea = await portal.GetStringAsync("/portal/outages?q=" + Uri.EscapeDataString("测试台区东侧"), TestContext.Current.CancellationToken);

        Assert.Contains(number, inside, StringComparison.Ordinal);
        Assert.DoesNotContain(number, outside, StringComparison.Ordinal);
        Assert.Contains(number, byArea, StringComparison.Ordinal);
    }

    private static readonly string[] UnknownDevice = ["NO-SUCH"];

    private JsonContent Plan(string kind, string device, double days, string? overrideReason = null, string? area = null)
    {
        // Whole minutes in China time, as a dispatcher types them.
        var start = clock.GetUtcNow().AddDays(days);
        start = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, TimeSpan.Zero);
        return ApiJson.Json(new
        {
            kind,
            devices = new[] { device },
            start = start.ToOffset(TimeSpan.FromHours(8)),
            end = start.AddHours(4).ToOffset(TimeSpan.FromHours(8)),
            reason = "10kV线路检修，更换老旧导线",
            overrideReason,
            area,
        });
    }

    private static async Task<IReadOnlyList<JsonNode>> NoticesAsync(HttpClient client, string number) =>
        [.. (await client.GetJsonAsync($"/api/v1/notifications?subjectType=outage&subjectId={number}&limit=10000")).AsArray().Select(n => n!)];
}

public sealed class SqlitePlannedOutageTests(SqliteClockFactory factory) : PlannedOutageTests(factory, factory.Clock), IClassFixture<SqliteClockFactory>;

public sealed class PostgresPlannedOutageTests(PostgresClockFactory factory) : PlannedOutageTests(factory, factory.Clock), IClassFixture<PostgresClockFactory>;
