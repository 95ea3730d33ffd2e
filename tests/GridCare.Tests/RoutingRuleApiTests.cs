using GridCare.Platform.Database;
using GridCare.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCare.Tests;

public abstract class RoutingRuleApiTests(GridCareFactory factory)
{
    private const string Rules = "/api/v1/routing-rules";

    [Fact]
    public async Task Rule_CreatedChangedAndDeletedByAnAdmin_IsAuditedWithWhoAndWhat()
    {
        var admin = await factory.ClientForAsync("admin");
        var station = await UnitIdAsync("GZBJ0103");

        var (created, rule, _) = await admin.SendAsync(HttpMethod.Post, Rules, ApiJson.Json(new { orgUnitId = station, type = "praise", team = "猫场综合班" }));
        var id = rule!["id"]!.GetValue<int>();
        var (updated, changed, _) = await admin.SendAsync(HttpMethod.Put, $"{Rules}/{id}", ApiJson.Json(new { orgUnitId = station, type = "praise", team = "猫场营业班", enabled = false }));
        var detail = await admin.GetJsonAsync($"{Rules}/{id}");
        var (deleted, _, _) = await admin.SendAsync(HttpMethod.Delete, $"{Rules}/{id}");
        var (gone, _, _) = await admin.SendAsync(HttpMethod.Get, $"{Rules}/{id}");
        var changes = (await admin.GetJsonAsync($"{Rules}/changes?count=200")).AsArray().Where(c => c!["ruleId"]!.GetValue<int>() == id).ToList();

        Assert.Equal(201, created);
        Assert.Equal(("Praise", "猫场综合班", true), (rule["type"]!.GetValue<string>(), rule["team"]!.GetValue<string>(), rule["enabled"]!.GetValue<bool>()));
        Assert.Equal("猫场供电所", rule["orgUnitName"]!.GetValue<string>());
        Assert.Equal(200, updated);
        Assert.False(changed!["enabled"]!.GetValue<bool>());
        Assert.Equal(["Created", "Updated"], detail["history"]!.AsArray().Select(h => h!["action"]!.GetValue<string>()));
        Assert.All(detail["history"]!.AsArray(), h => Assert.Equal("admin", h!["actor"]!.GetValue<string>()));
        Assert.Equal("team: 猫场综合班 → 猫场营业班; enabled: True → False", detail["history"]![1]!["detail"]!.GetValue<string>());
        Assert.Equal(204, deleted);
        Assert.Equal(404, gone);
        Assert.Equal(["Deleted", "Updated", "Created"], changes.Select(c => c!["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Rule_Malformed_Returns400NamingEachBadField()
    {
        var admin = await factory.ClientForAsync("admin");
        var station = await UnitIdAsync("GZBJ0101");

        var (missing, missingBody, contentType) = await admin.SendAsync(HttpMethod.Post, Rules, ApiJson.Json(new { }));
        var (bad, badBody, _) = await admin.SendAsync(HttpMethod.Post, Rules, ApiJson.Json(new
        {
            orgUnitId = station,
            type = "repair",
            complaintClass = "service",
            priority = "whenever",
            team = new string('班', 65),
        }));
        var (unknownType, unknownBody, _) = await admin.SendAsync(HttpMethod.Post, Rules, ApiJson.Json(new { orgUnitId = station, type = "gossip", team = "某班" }));

        Assert.Equal(400, missing);
        Assert.Equal("application/problem+json", contentType);
        var fields = missingBody!["errors"]!.AsObject().Select(e => e.Key.ToLowerInvariant()).ToList();
        Assert.Contains("orgunitid", fields);
        Assert.Contains("type", fields);
        Assert.Contains("team", fields);
        Assert.Equal(400, bad);
        var badFields = badBody!["errors"]!.AsObject().Select(e => e.Key.ToLowerInvariant()).ToList();
        Assert.Contains("priority", badFields);
        Assert.Contains("team", badFields);
        Assert.Equal(400, unknownType);
        Assert.NotNull(unknownBody!["errors"]!["type"]);
    }

    [Fact]
    public async Task Rule_ComplaintClassOnARepairRule_Returns400NamingTheClass()
    {
        var admin = await factory.ClientForAsync("admin");
        var station = await UnitIdAsync("GZBJ0101");

        var (status, body, _) = await admin.SendAsync(HttpMethod.Post, Rules, ApiJson.Json(new { orgUnitId = station, type = "repair", complaintClass = "service", team = "城关抢修班" }));

        Assert.Equal(400, status);
        Assert.NotNull(body!["errors"]!["complaintClass"]);
    }

    [Fact]
    public async Task Rule_SameCriteriaAsAnother_Returns409WithTheExistingRule()
    {
        var admin = await factory.ClientForAsync("admin");
        var station = await UnitIdAsync("GZBJ0101");
        var existing = (await admin.GetJsonAsync($"{Rules}?type=repair")).AsArray().First(r => r!["orgUnitId"]!.GetValue<int>() == station)!;

        var (status, body, _) = await admin.SendAsync(HttpMethod.Post, Rules, ApiJson.Json(new { orgUnitId = station, type = "repair", team = "另一个抢修班" }));

        Assert.Equal(409, status);
        Assert.Equal(existing["id"]!.GetValue<int>(), body!["existingRuleId"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rules_ReadByDispatchers_EditedOnlyByAdminsAndManagers_HiddenFromCrewsAndAgents()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var crew = await factory.ClientForAsync("crew");
        var agent = await factory.ClientForAsync("agent");
        var manager = await factory.ClientForAsync("manager");
        var station = await UnitIdAsync("GZBJ0104");

        var list = await dispatcher.GetJsonAsync(Rules);
        var (byDispatcher, refusal, _) = await dispatcher.SendAsync(HttpMethod.Post, Rules, ApiJson.Json(new { orgUnitId = station, type = "suggestion", team = "东关综合班" }));
        var (crewReads, _, _) = await crew.SendAsync(HttpMethod.Get, Rules);
        var (agentReads, _, _) = await agent.SendAsync(HttpMethod.Get, Rules);
        var (byManager, _, _) = await manager.SendAsync(HttpMethod.Post, Rules, ApiJson.Json(new { orgUnitId = station, type = "suggestion", team = "东关综合班" }));
        var (anonymous, _, _) = await factory.AnonymousClient().SendAsync(HttpMethod.Get, Rules);

        Assert.Contains(list.AsArray(), r => r!["team"]!.GetValue<string>() == "城关抢修班");
        Assert.Equal(403, byDispatcher);
        Assert.Equal("Not your step", refusal!["title"]!.GetValue<string>());
        Assert.Equal(403, crewReads);
        Assert.Equal(403, agentReads);
        Assert.Equal(201, byManager);
        Assert.Equal(401, anonymous);
    }

    [Fact]
    public async Task Manager_CannotPlaceOrEditRulesAboveTheirOwnUnit()
    {
        var admin = await factory.ClientForAsync("admin");
        var manager = await factory.ClientForAsync("manager");
        var city = await UnitIdAsync("GZBJ");
        var (_, cityRule, _) = await admin.SendAsync(HttpMethod.Post, Rules, ApiJson.Json(new { orgUnitId = city, type = "opinion", team = "市局客服中心" }));
        var id = cityRule!["id"]!.GetValue<int>();

        var (place, placeBody, _) = await manager.SendAsync(HttpMethod.Post, Rules, ApiJson.Json(new { orgUnitId = city, type = "opinion", priority = "urgent", team = "县局" }));
        var (edit, _, _) = await manager.SendAsync(HttpMethod.Put, $"{Rules}/{id}", ApiJson.Json(new { orgUnitId = city, type = "opinion", team = "县局" }));
        var (delete, _, _) = await manager.SendAsync(HttpMethod.Delete, $"{Rules}/{id}");
        var (read, _, _) = await manager.SendAsync(HttpMethod.Get, $"{Rules}/{id}");

        Assert.Equal(400, place);
        Assert.NotNull(placeBody!["errors"]!["orgUnitId"]);
        Assert.Equal(404, edit);
        Assert.Equal(404, delete);
        Assert.Equal(404, read);
        Assert.Equal(204, (await admin.SendAsync(HttpMethod.Delete, $"{Rules}/{id}")).Status);
    }

    internal static async Task<int> UnitIdAsync(GridCareFactory factory, string code)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.OrgUnits.Where(u => u.Code == code).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    private Task<int> UnitIdAsync(string code) => UnitIdAsync(factory, code);
}

public sealed class SqliteRoutingRuleApiTests(SqliteFactory factory) : RoutingRuleApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresRoutingRuleApiTests(PostgresFactory factory) : RoutingRuleApiTests(factory), IClassFixture<PostgresFactory>;
