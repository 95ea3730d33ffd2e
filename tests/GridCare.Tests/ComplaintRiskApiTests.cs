using GridCare.Platform.Database;
using GridCare.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCare.Tests;

/// <summary>
/// <c>/api/v1/complaint-risk</c> on the small demo area with its generated year of work orders: an administrator
/// scores everyone, readers list the riskiest with reasons in words, a customer's own score, and the roles and units
/// that may not.
/// </summary>
public abstract class ComplaintRiskApiTests(GridCareFactory factory)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<GridCareFactory, System.Text.Json.Nodes.JsonNode?> Refreshed = [];

    [Fact]
    public async Task Refresh_ScoresEveryCustomerAndTransformer_AndTheListIsRankedWithReasons()
    {
        var refreshed = await RefreshAsync();
        using var manager = await factory.ClientForAsync("manager");

        var customers = await CountAsync();
        Assert.Equal(customers.Customers, refreshed!["customers"]!.GetValue<int>());
        Assert.InRange(refreshed["transformers"]!.GetValue<int>(), 1, customers.Transformers);
        Assert.Empty(refreshed["skipped"]!.AsArray());

        var body = await manager.GetJsonAsync("/api/v1/complaint-risk?top=20");
        Assert.Equal("customer", body["level"]!.GetValue<string>());
        var items = body["items"]!.AsArray();
        Assert.Equal(20, items.Count);
        Assert.Equal(Enumerable.Range(1, 20), items.Select(i => i!["rank"]!.GetValue<int>()));
        var scores = items.Select(i => i!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.All(scores, s => Assert.InRange(s, 0, 1));
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i!["accountNumber"]!.GetValue<string>())));
        var reasons = items[0]!["reasons"]!.AsArray();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r =>
        {
            Assert.True(r!["contribution"]!.GetValue<double>() > 0);
            Assert.NotEqual(r["feature"]!.GetValue<string>(), r["text"]!.GetValue<string>());
        });

        var transformers = await manager.GetJsonAsync("/api/v1/complaint-risk?level=transformer&top=5");
        Assert.Equal(5, transformers["items"]!.AsArray().Count);
        Assert.All(transformers["items"]!.AsArray(), i => Assert.Null(i!["customerId"]));
    }

    [Fact]
    public async Task OneCustomersScore_OnItsOwnAndInTheProfile_AndAStationsList_StayInTheirUnits()
    {
        await RefreshAsync();
        using var agent = await factory.ClientForAsync("agent");
        var top = (await agent.GetJsonAsync("/api/v1/complaint-risk?top=1"))["items"]!.AsArray().Single()!;
        var customerId = top["customerId"]!.GetValue<long>();
        var station = top["orgUnitId"]!.GetValue<int>();

        var own = await agent.GetJsonAsync($"/api/v1/customers/{customerId}/complaint-risk");
        var profile = await agent.GetJsonAsync($"/api/v1/customers/{customerId}/profile");
        var atStation = (await agent.GetJsonAsync($"/api/v1/complaint-risk?orgUnit={station}&top=500"))["items"]!.AsArray();

        Assert.Equal(top["score"]!.GetValue<double>(), own["score"]!.GetValue<double>());
        Assert.Equal(1, own["rank"]!.GetValue<int>());
        Assert.Equal(own["score"]!.GetValue<double>(), profile["complaintRisk"]!["score"]!.GetValue<double>());
        Assert.Equal(own["reasons"]!.AsArray().Count, profile["complaintRisk"]!["reasons"]!.AsArray().Count);
        Assert.NotEmpty(atStation);
        Assert.All(atStation, i => Assert.Equal(station, i!["orgUnitId"]!.GetValue<int>()));
        Assert.Contains(atStation, i => i!["customerId"]!.GetValue<long>() == customerId);
    }

    [Fact]
    public async Task CrewsMayNotRead_OnlyAdministratorsRefresh_AndBadRequestsNameTheirField()
    {
        using var crew = await factory.ClientForAsync("crew");
        using var manager = await factory.ClientForAsync("manager");

        var (byCrew, _, _) = await crew.SendAsync(HttpMethod.Get, "/api/v1/complaint-risk");
        var (crewCustomer, _, _) = await crew.SendAsync(HttpMethod.Get, "/api/v1/customers/1/complaint-risk");
        var (refreshByManager, _, _) = await manager.SendAsync(HttpMethod.Post, "/api/v1/complaint-risk/refresh");
        var (badLevel, levelBody, _) = await manager.SendAsync(HttpMethod.Get, "/api/v1/complaint-risk?level=feeder");
        var (badTop, topBody, _) = await manager.SendAsync(HttpMethod.Get, "/api/v1/complaint-risk?top=0");
        var (aboveOwnUnit, unitBody, _) = await manager.SendAsync(HttpMethod.Get, $"/api/v1/complaint-risk?orgUnit={await ProvinceIdAsync()}");
        var (unknown, _, _) = await manager.SendAsync(HttpMethod.Get, "/api/v1/customers/999999999/complaint-risk");

        Assert.Equal(403, byCrew);
        Assert.Equal(403, crewCustomer);
        Assert.Equal(403, refreshByManager);
        Assert.Equal(400, badLevel);
        Assert.NotNull(levelBody!["errors"]!["level"]);
        Assert.Equal(400, badTop);
        Assert.NotNull(topBody!["errors"]!["top"]);
        Assert.Equal(400, aboveOwnUnit);
        Assert.NotNull(unitBody!["errors"]!["orgUnit"]);
        Assert.Equal(404, unknown);
    }

    /// <summary>Scores once per host (the model trains on the generated year); answers the refresh's body.</summary>
    private async Task<System.Text.Json.Nodes.JsonNode?> RefreshAsync()
    {
        await Once.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!Refreshed.TryGetValue(factory, out var body))
            {
                using var admin = await factory.ClientForAsync("admin");
                (var status, body, _) = await admin.SendAsync(HttpMethod.Post, "/api/v1/complaint-risk/refresh");
                Assert.True(status == 200, body?.ToJsonString());
                Refreshed[factory] = body;
            }

            return body;
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<(int Customers, int Transformers)> CountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var customers = await db.Customers.CountAsync(TestContext.Current.CancellationToken);
        var transformers = await db.NetworkDevices.CountAsync(d => d.Kind == Domain.Network.DeviceKind.Transformer, TestContext.Current.CancellationToken);
        return (customers, transformers);
    }

    private async Task<int> ProvinceIdAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.OrgUnits.Where(u => u.ParentId == null).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class SqliteComplaintRiskApiTests(SqliteHistoryFactory factory) : ComplaintRiskApiTests(factory), IClassFixture<SqliteHistoryFactory>;

public sealed class PostgresComplaintRiskApiTests(PostgresHistoryFactory factory) : ComplaintRiskApiTests(factory), IClassFixture<PostgresHistoryFactory>;
