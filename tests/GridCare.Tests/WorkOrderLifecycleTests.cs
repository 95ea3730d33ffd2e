using System.Text.Json.Nodes;
using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

public abstract class WorkOrderLifecycleTests(GridCareFactory factory)
{
    [Fact]
    public async Task Repair_DispatchedAcceptedArrivedResolvedRevisited_IsClosedWithItsHistory()
    {
        var (agent, dispatcher, number) = await RepairAsync("014");

        await ActAsync(dispatcher, number, "dispatch", new { team = "抢修一班" });
        await ActAsync(dispatcher, number, "accept");
        var arrived = await ActAsync(dispatcher, number, "arrive");
        Assert.NotNull(arrived["order"]!["sla"]!["resolutionDueAt"]);
        await ActAsync(dispatcher, number, "note", new { text = "已到达现场，表箱进线烧毁", customerVisible = true });
        var resolved = await ActAsync(dispatcher, number, "resolve", new { causeCode = "customer-side-fault", resolutionCode = "replaced-cable" });
        var closed = await ActAsync(agent, number, "revisit", new { result = "satisfied", comment = "来得很快" });

        // A routing rule dispatched the repair at intake and the dispatcher re-routed it; resolving started the revisit.
        Assert.Equal("Revisit", resolved["order"]!["status"]!.GetValue<string>());
        Assert.Equal("Closed", closed["order"]!["status"]!.GetValue<string>());
        var actions = closed["history"]!.AsArray().Select(h => h!["action"]!.GetValue<string>()).ToList();
        Assert.Equal(["Receive", "Dispatch", "Dispatch", "Accept", "Arrive", "AddNote", "Resolve", "StartRevisit", "RecordRevisit"], actions);
        Assert.All(closed["history"]!.AsArray(), h => Assert.False(string.IsNullOrEmpty(h!["actor"]!.GetValue<string>())));
        Assert.Equal(["routing", "dispatcher"], closed["history"]!.AsArray().Skip(1).Take(2).Select(h => h!["actor"]!.GetValue<string>()));
        Assert.Equal("revisit", closed["history"]![7]!["actor"]!.GetValue<string>());
        Assert.Equal(["AddNote"], closed["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task Revisit_Unsatisfied_ReopensTheOrder()
    {
        var (agent, dispatcher, number) = await RepairAsync("013");
        await ActAsync(dispatcher, number, "dispatch", new { team = "抢修二班" });
        await ActAsync(dispatcher, number, "accept");
        await ActAsync(dispatcher, number, "arrive");
        await ActAsync(dispatcher, number, "resolve", new { causeCode = "loose-connection", resolutionCode = "tightened" });

        var reopened = await ActAsync(agent, number, "revisit", new { result = "unsatisfied", comment = "第二天又停了" });

        Assert.Equal("Received", reopened["order"]!["status"]!.GetValue<string>());
        Assert.Equal(1, reopened["reopenCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task IllegalTransition_Returns409WithTheAllowedActions()
    {
        var (_, dispatcher, number) = await RepairAsync("012");

        var (status, body, contentType) = await dispatcher.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/arrive", ApiJson.Json(new { }));

        Assert.Equal(409, status);
        Assert.Equal("application/problem+json", contentType);
        var allowed = body!["allowed"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Contains("Dispatch", allowed);
        Assert.DoesNotContain("Arrive", allowed);
    }

    [Fact]
    public async Task Cancel_WithoutReason_Returns400_AndByCrew_Returns403OrHidden()
    {
        var (agent, _, number) = await RepairAsync("011");
        var crew = await factory.ClientForAsync("crew");

        var (noReason, body, _) = await agent.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/cancel", ApiJson.Json(new { }));
        var (byCrew, _, _) = await crew.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/cancel", ApiJson.Json(new { reason = "误报" }));
        var cancelled = await ActAsync(agent, number, "cancel", new { reason = "客户来电说已自行恢复" });

        Assert.Equal(400, noReason);
        Assert.NotNull(body!["errors"]!["reason"]);
        Assert.Equal(403, byCrew);
        Assert.Equal("Cancelled", cancelled["order"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Merge_TwoRepairs_LeavesOneOrderWithBothCallers()
    {
        var (agent, dispatcher, first) = await RepairAsync("014", nth: 3);
        var (_, _, second) = await RepairAsync("014", nth: 4);

        var merged = await ActAsync(dispatcher, second, "merge", new { targetNumber = first });
        var target = await agent.GetJsonAsync($"/api/v1/work-orders/{first}");

        Assert.Equal("Cancelled", merged["order"]!["status"]!.GetValue<string>());
        Assert.Equal(first, merged["mergedIntoNumber"]!.GetValue<string>());
        Assert.Equal(2, target["order"]!["contactCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Order_OfAnotherStation_IsHiddenFromTheStationCrew()
    {
        var (_, _, number) = await RepairAsync("015");
        var crew = await factory.ClientForAsync("crew");

        var (status, _, _) = await crew.SendAsync(HttpMethod.Get, $"/api/v1/work-orders/{number}");
        var list = await crew.GetJsonAsync("/api/v1/work-orders?pageSize=200");

        Assert.Equal(404, status);
        Assert.DoesNotContain(list["items"]!.AsArray(), o => o!["number"]!.GetValue<string>() == number);
    }

    private async Task<(HttpClient Agent, HttpClient Dispatcher, string Number)> RepairAsync(string accountPrefix, int nth = 0)
    {
        var agent = await factory.ClientForAsync("agent");
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var customer = await IntakeTests.CustomerAsync(agent, accountPrefix, nth + 10);
        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "hotline",
            externalId = Guid.NewGuid().ToString("N"),
            accountNumber = customer["accountNumber"]!.GetValue<string>(),
            text = "家里没电了，邻居家有电",
            type = "repair",
        }));
        Assert.Equal(201, status);
        return (agent, dispatcher, body!["order"]!["number"]!.GetValue<string>());
    }

    private static async Task<JsonNode> ActAsync(HttpClient client, string number, string action, object? body = null)
    {
        var (status, json, _) = await client.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/{action}", ApiJson.Json(body ?? new { }));
        Assert.True(status == 200, $"{action} on {number} answered {status}: {json}");
        return json!;
    }
}

public sealed class SqliteWorkOrderLifecycleTests(SqliteFactory factory) : WorkOrderLifecycleTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresWorkOrderLifecycleTests(PostgresFactory factory) : WorkOrderLifecycleTests(factory), IClassFixture<PostgresFactory>;
