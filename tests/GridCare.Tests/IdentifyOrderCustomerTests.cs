using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

public abstract class IdentifyOrderCustomerTests(GridCareFactory factory)
{
    [Fact]
    public async Task Identify_MatchesTheOrder_RetimesIt_AndIsRecorded()
    {
        var agent = await factory.ClientForAsync("agent");
        var number = await UnidentifiedOrderAsync(agent);
        var customer = (await agent.GetJsonAsync("/api/v1/customers?q=012&pageSize=1"))["items"]![0]!;

        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/identify", ApiJson.Json(new
        {
            accountNumber = customer["accountNumber"]!.GetValue<string>(),
        }));
        var (again, refused, _) = await agent.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/identify", ApiJson.Json(new
        {
            accountNumber = customer["accountNumber"]!.GetValue<string>(),
        }));

        Assert.Equal(200, status);
        Assert.Equal(customer["id"]!.GetValue<long>(), body!["order"]!["customerId"]!.GetValue<long>());
        Assert.Equal(customer["orgUnitId"]!.GetValue<int>(), body["order"]!["orgUnitId"]!.GetValue<int>());
        Assert.NotNull(body["order"]!["sla"]!["policy"]);
        var history = body["history"]!.AsArray();
        var identified = history.Single(h => h!["action"]!.GetValue<string>() == "IdentifyCustomer")!;
        Assert.Equal("agent", identified["actor"]!.GetValue<string>());

        // At the customer's station the demo's repair rule now routes it, as intake would have.
        Assert.Equal("Dispatched", body["order"]!["status"]!.GetValue<string>());
        Assert.Equal("routing", history[^1]!["actor"]!.GetValue<string>());
        Assert.Equal(409, again);
        Assert.Equal("IllegalTransition", refused!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Identify_WithoutOrWithAnUnknownAccount_NamesTheField()
    {
        var agent = await factory.ClientForAsync("agent");
        var number = await UnidentifiedOrderAsync(agent);

        var (missing, missingBody, _) = await agent.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/identify", ApiJson.Json(new { }));
        var (unknown, unknownBody, _) = await agent.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/identify", ApiJson.Json(new { accountNumber = "NOPE000" }));

        Assert.Equal(400, missing);
        Assert.NotNull(missingBody!["errors"]!["accountNumber"]);
        Assert.Equal(400, unknown);
        Assert.Contains("NOPE000", unknownBody!["errors"]!["accountNumber"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identify_ByAManager_IsForbidden_AndByACrewOutsideTheUnit_NotFound()
    {
        var agent = await factory.ClientForAsync("agent");
        var manager = await factory.ClientForAsync("manager");
        var crew = await factory.ClientForAsync("crew");
        var number = await UnidentifiedOrderAsync(agent);

        var (byManager, _, _) = await manager.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/identify", ApiJson.Json(new { accountNumber = "X" }));
        var (byCrew, _, _) = await crew.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/identify", ApiJson.Json(new { accountNumber = "X" }));

        Assert.Equal(403, byManager);

        // An unidentified order stays at the agent's county bureau, above the crew's station: not even visible to them.
        Assert.Equal(404, byCrew);
    }

    private static async Task<string> UnidentifiedOrderAsync(HttpClient agent)
    {
        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "hotline",
            externalId = "call-" + Guid.NewGuid().ToString("N"),
            phone = "13800009999",
            text = "来电未报户号，反映小区停电",
            type = "repair",
        }));
        Assert.Equal(201, status);
        Assert.Null(body!["order"]!["customerId"]);
        return body["order"]!["number"]!.GetValue<string>();
    }
}

public sealed class SqliteIdentifyOrderCustomerTests(SqliteFactory factory) : IdentifyOrderCustomerTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresIdentifyOrderCustomerTests(PostgresFactory factory) : IdentifyOrderCustomerTests(factory), IClassFixture<PostgresFactory>;
