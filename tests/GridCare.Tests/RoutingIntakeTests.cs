using System.Text.Json.Nodes;
using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

public abstract class RoutingIntakeTests(GridCareFactory factory)
{
    [Fact]
    public async Task Repair_IsDispatchedAtIntakeToItsStationsRepairCrew_WithTheRuleInItsHistory()
    {
        var agent = await factory.ClientForAsync("agent");
        var customer = await IntakeTests.CustomerAsync(agent, "012", 30);

        var order = await ContactAsync(agent, customer, "repair");

        Assert.Equal("Dispatched", order["order"]!["status"]!.GetValue<string>());
        Assert.Equal("羊场抢修班", order["order"]!["team"]!.GetValue<string>());
        Assert.Equal(customer["orgUnitId"]!.GetValue<int>(), order["order"]!["orgUnitId"]!.GetValue<int>());
        var routed = order["history"]![1]!;
        Assert.Equal(("Dispatch", "routing", "Received", "Dispatched"), (
            routed["action"]!.GetValue<string>(), routed["actor"]!.GetValue<string>(), routed["fromStatus"]!.GetValue<string>(), routed["toStatus"]!.GetValue<string>()));
        Assert.StartsWith("Routed by rule ", routed["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("→ 羊场抢修班)", routed["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complaint_OfSupplyQuality_GoesToTheCountysOperationsTeam_OtherComplaintsToCustomerService()
    {
        var agent = await factory.ClientForAsync("agent");

        var quality = await ContactAsync(agent, await IntakeTests.CustomerAsync(agent, "013", 30), "complaint", "supplyQuality");
        var business = await ContactAsync(agent, await IntakeTests.CustomerAsync(agent, "013", 31), "complaint", "business");

        Assert.Equal("大方运维检修班", quality["order"]!["team"]!.GetValue<string>());
        Assert.Equal("大方客户服务中心", business["order"]!["team"]!.GetValue<string>());
    }

    [Fact]
    public async Task Order_NoRuleFits_StaysReceivedForADispatcher()
    {
        var agent = await factory.ClientForAsync("agent");

        var inquiry = await ContactAsync(agent, await IntakeTests.CustomerAsync(agent, "012", 32), "inquiry");

        Assert.Equal("Received", inquiry["order"]!["status"]!.GetValue<string>());
        Assert.Null(inquiry["order"]!["team"]);
        Assert.Single(inquiry["history"]!.AsArray());
    }

    [Fact]
    public async Task NewRule_RoutesTheNextOrder_AndOnceDisabledNoLonger()
    {
        var admin = await factory.ClientForAsync("admin");
        var agent = await factory.ClientForAsync("agent");
        var first = await IntakeTests.CustomerAsync(agent, "014", 30);
        var station = first["orgUnitId"]!.GetValue<int>();

        var (_, rule, _) = await admin.SendAsync(HttpMethod.Post, "/api/v1/routing-rules", ApiJson.Json(new { orgUnitId = station, type = "opinion", team = "东关综合班" }));
        var routed = await ContactAsync(agent, first, "opinion");
        await admin.SendAsync(HttpMethod.Put, $"/api/v1/routing-rules/{rule!["id"]}", ApiJson.Json(new { orgUnitId = station, type = "opinion", team = "东关综合班", enabled = false }));
        var unrouted = await ContactAsync(agent, await IntakeTests.CustomerAsync(agent, "014", 31), "opinion");

        Assert.Equal(("Dispatched", "东关综合班"), (routed["order"]!["status"]!.GetValue<string>(), routed["order"]!["team"]!.GetValue<string>()));
        Assert.Equal("Received", unrouted["order"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dispatcher_ReRoutesARoutedOrder_AndTheHistoryKeepsBoth()
    {
        var agent = await factory.ClientForAsync("agent");
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var order = await ContactAsync(agent, await IntakeTests.CustomerAsync(agent, "011", 30), "repair");
        var number = order["order"]!["number"]!.GetValue<string>();
        var county = await RoutingRuleApiTests.UnitIdAsync(factory, "GZBJ01");

        var (status, changed, _) = await dispatcher.SendAsync(
            HttpMethod.Post, $"/api/v1/work-orders/{number}/dispatch", ApiJson.Json(new { team = "县局应急抢修队", orgUnitId = county }));

        Assert.Equal(200, status);
        Assert.Equal(("Dispatched", "县局应急抢修队", county), (
            changed!["order"]!["status"]!.GetValue<string>(), changed["order"]!["team"]!.GetValue<string>(), changed["order"]!["orgUnitId"]!.GetValue<int>()));
        var dispatches = changed["history"]!.AsArray().Where(h => h!["action"]!.GetValue<string>() == "Dispatch").ToList();
        Assert.Equal(["routing", "dispatcher"], dispatches.Select(d => d!["actor"]!.GetValue<string>()));
    }

    private static async Task<JsonNode> ContactAsync(HttpClient agent, JsonNode customer, string type, string? complaintClass = null)
    {
        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "hotline",
            externalId = Guid.NewGuid().ToString("N"),
            accountNumber = customer["accountNumber"]!.GetValue<string>(),
            text = "客户来电",
            type,
            complaintClass,
        }));
        Assert.Equal(201, status);
        return await agent.GetJsonAsync($"/api/v1/work-orders/{body!["order"]!["number"]!.GetValue<string>()}");
    }
}

public sealed class SqliteRoutingIntakeTests(SqliteFactory factory) : RoutingIntakeTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresRoutingIntakeTests(PostgresFactory factory) : RoutingIntakeTests(factory), IClassFixture<PostgresFactory>;
