using GridCare.Features.Network;
using GridCare.Platform.Database;
using GridCare.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCare.Tests;

/// <summary>
/// <c>/api/v1/complaint-analytics</c> on four complaints taken in for October 2026 by hand — two about supply quality
/// from one customer, one about service and one about business from a neighbour on the same transformer (both repeat
/// complainants) — and none
/// in September: numbers checked by hand.
/// </summary>
public abstract class ComplaintAnalyticsApiTests(GridCareFactory factory)
{
    private const string Period = "from=2026-10-01&to=2026-10-31";
    private static readonly string[] Classes = ["supplyQuality", "service", "business", "outage", "gridConstruction"];
    private static readonly SemaphoreSlim Once = new(1, 1);

    [Fact]
    public async Task Mix_CountsClassesBesideTheBaseline_PerThousandCustomers_AndRepeatComplainants()
    {
        var (first, second, _) = await ComplaintsAsync();
        using var manager = await factory.ClientForAsync("manager");

        var body = await manager.GetJsonAsync($"/api/v1/complaint-analytics/mix?{Period}");

        var customers = await CustomerCountAsync();
        Assert.Equal(customers, body["customers"]!.GetValue<int>());
        Assert.Equal(4, body["complaints"]!.GetValue<int>());
        Assert.Equal(Math.Round(4000.0 / customers, 3), body["perThousandCustomers"]!.GetValue<double>());
        var byClass = body["byClass"]!.AsArray().ToDictionary(c => c!["complaintClass"]!.GetValue<string>(), c => c!);
        Assert.Equal([2, 1, 1, 0, 0], Classes.Select(c => byClass[c]["count"]!.GetValue<int>()));
        Assert.Equal(50.0, byClass["supplyQuality"]["share"]!.GetValue<double>());
        Assert.Equal(25.0, byClass["service"]["share"]!.GetValue<double>());
        Assert.Equal(36.0, byClass["supplyQuality"]["baselineShare"]!.GetValue<double>());
        Assert.Equal(3.0, byClass["gridConstruction"]["baselineShare"]!.GetValue<double>());
        Assert.Equal(4, body["byType"]!.AsArray().Single(t => t!["type"]!.GetValue<string>() == "complaint")!["count"]!.GetValue<int>());
        var month = Assert.Single(body["trend"]!.AsArray());
        Assert.Equal("2026-10", month!["month"]!.GetValue<string>());
        var repeat = body["repeatComplainants"]!.AsArray();
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), repeat.Select(r => r!["accountNumber"]!.GetValue<string>()));
        Assert.All(repeat, r => Assert.Equal(2, r!["complaints"]!.GetValue<int>()));
        Assert.Equal(4, body["byUnit"]!.AsArray().Sum(u => u!["complaints"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Hotspots_TheTransformerFeederAndStationWhereComplaintsRose_WithEvidenceItems()
    {
        var (_, _, transformer) = await ComplaintsAsync();
        using var dispatcher = await factory.ClientForAsync("dispatcher");

        var body = await dispatcher.GetJsonAsync($"/api/v1/complaint-analytics/hotspots?{Period}");

        Assert.Equal("2026-08-31", body["previousFrom"]!.GetValue<string>());
        var hotspots = body["hotspots"]!.AsArray();
        Assert.Equal(["agent", "feeder", "orgUnit", "transformer"], hotspots.Select(h => h!["kind"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var taker = hotspots.Single(h => h!["kind"]!.GetValue<string>() == "agent")!;
        Assert.Equal("agent", taker["code"]!.GetValue<string>());
        Assert.Equal(1, taker["evidence"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "serviceComplaints")!["value"]!.GetValue<double>());
        var spot = hotspots.Single(h => h!["kind"]!.GetValue<string>() == "transformer")!;
        Assert.Equal(transformer, spot["code"]!.GetValue<string>());
        Assert.Equal(4, spot["complaints"]!.GetValue<int>());
        Assert.Equal(0, spot["previousComplaints"]!.GetValue<int>());
        Assert.Equal(4, spot["orders"]!.AsArray().Count);
        var evidence = spot["evidence"]!.AsArray().ToDictionary(e => e!["kind"]!.GetValue<string>(), e => e!["value"]!.GetValue<double>());
        Assert.Equal(4, evidence["complaints"]);
        Assert.Equal(2, evidence["supplyQualityComplaints"]);
        Assert.All(spot["evidence"]!.AsArray(), e => Assert.False(string.IsNullOrWhiteSpace(e!["text"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Export_IsAnXlsxWorkbook_AndAgentsAndCrewsMayNotAnalyse()
    {
        await ComplaintsAsync();
        using var analyst = await factory.ClientForAsync("analyst");
        using var agent = await factory.ClientForAsync("agent");
        using var crew = await factory.ClientForAsync("crew");

        using var export = await analyst.GetAsync(new Uri($"/api/v1/complaint-analytics/export?{Period}", UriKind.Relative), TestContext.Current.CancellationToken);
        var bytes = await export.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var (byAgent, _, _) = await agent.SendAsync(HttpMethod.Get, $"/api/v1/complaint-analytics/mix?{Period}");
        var (byCrew, _, _) = await crew.SendAsync(HttpMethod.Get, $"/api/v1/complaint-analytics/hotspots?{Period}");
        var (badDate, badBody, _) = await analyst.SendAsync(HttpMethod.Get, "/api/v1/complaint-analytics/mix?from=2026-13-01");
        var (foreign, _, _) = await analyst.SendAsync(HttpMethod.Get, $"/api/v1/complaint-analytics/mix?orgUnitId=999999&{Period}");

        Assert.True(export.IsSuccessStatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
        Assert.Equal(403, byAgent);
        Assert.Equal(403, byCrew);
        Assert.Equal(400, badDate);
        Assert.NotNull(badBody!["errors"]!["from"]);
        Assert.Equal(404, foreign);
    }

    /// <summary>Takes the four complaints in once per host; answers the two account numbers and their transformer's code.</summary>
    private async Task<(string First, string Second, string Transformer)> ComplaintsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var topology = await scope.ServiceProvider.GetRequiredService<NetworkTopologyCache>().GetAsync(TestContext.Current.CancellationToken);
        var customers = await db.Customers.AsNoTracking().OrderBy(c => c.Id).Take(200).Select(c => new { c.Id, c.AccountNumber }).ToListAsync(TestContext.Current.CancellationToken);
        var pair = customers.GroupBy(c => topology.TransformerOf(topology.ServicePointOfCustomer(c.Id)!.Value)).First(g => g.Count() >= 2).Take(2).ToList();
        var transformerId = topology.TransformerOf(topology.ServicePointOfCustomer(pair[0].Id)!.Value)!.Value;
        var transformer = await db.NetworkDevices.Where(d => d.Id == transformerId).Select(d => d.Code).SingleAsync(TestContext.Current.CancellationToken);

        await Once.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!await db.WorkOrders.AnyAsync(w => w.ExternalId != null && w.ExternalId.StartsWith("analytics-"), TestContext.Current.CancellationToken))
            {
                using var agent = await factory.ClientForAsync("agent");
                var complaints = new[]
                {
                    (pair[0].AccountNumber, "supplyQuality", "2026-10-03T09:00:00+08:00", "电压太低，空调开不了"),
                    (pair[0].AccountNumber, "supplyQuality", "2026-10-20T19:00:00+08:00", "又是电压低，灯一直闪"),
                    (pair[1].AccountNumber, "service", "2026-10-11T10:00:00+08:00", "抢修人员态度恶劣"),
                    (pair[1].AccountNumber, "business", "2026-10-31T23:30:00+08:00", "电费算错了"),
                };
                foreach (var (account, complaintClass, at, text) in complaints)
                {
                    var (status, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
                    {
                        channel = "hotline",
                        externalId = "analytics-" + Guid.NewGuid().ToString("N"),
                        accountNumber = account,
                        text,
                        type = "complaint",
                        complaintClass,
                        occurredAt = at,
                    }));
                    Assert.True(status == 201, body?.ToJsonString());
                }
            }
        }
        finally
        {
            Once.Release();
        }

        return (pair[0].AccountNumber, pair[1].AccountNumber, transformer);
    }

    private async Task<int> CustomerCountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Customers.CountAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class SqliteComplaintAnalyticsApiTests(SqliteFactory factory) : ComplaintAnalyticsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresComplaintAnalyticsApiTests(PostgresFactory factory) : ComplaintAnalyticsApiTests(factory), IClassFixture<PostgresFactory>;
