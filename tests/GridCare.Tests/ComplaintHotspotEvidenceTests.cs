using GridCare.Platform.Database;
using GridCare.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridCare.Tests;

/// <summary>
/// A hotspot explained by measurements: two supply-quality complaints from customers of "hot" in the hand-built week of
/// <see cref="HotTransformerWeek"/>, whose transformer ran at 120 % from 18:00 to 19:00 every day (7 overload days,
/// 7 × 60 = 420 minutes) with one meter at 190 V. The agent who took both calls is a hotspot of their own.
/// </summary>
public abstract class ComplaintHotspotEvidenceTests(GridCareFactory factory)
{
    [Fact]
    public async Task TransformerHotspot_CarriesTheMeasuredOverloadAndVoltage_AndTheAgentWhoTookTheCalls()
    {
        var week = await HotTransformerWeek.EnsureAsync(factory);
        using var agent = await factory.ClientForAsync("agent");
        using var manager = await factory.ClientForAsync("manager");
        await HotTransformerWeek.VoltageComplaintAsync(agent, week);
        var (status, received, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "hotline",
            externalId = Guid.NewGuid().ToString("N"),
            accountNumber = await AccountOfAsync(week.Customer),
            text = "每天傍晚灯都变暗，电器用不了",
            type = "complaint",
            complaintClass = "supplyQuality",
            occurredAt = "2026-11-25T19:10:00+08:00",
        }));
        Assert.True(status == 201, received?.ToJsonString());

        var body = await manager.GetJsonAsync("/api/v1/complaint-analytics/hotspots?from=2026-11-20&to=2026-11-26");

        var hotspots = body["hotspots"]!.AsArray();
        var transformer = hotspots.Single(h => h!["kind"]!.GetValue<string>() == "transformer" && h["code"]!.GetValue<string>() == week.Hot)!;
        var evidence = transformer["evidence"]!.AsArray().ToDictionary(e => e!["kind"]!.GetValue<string>(), e => e!);
        Assert.Equal(2, evidence["supplyQualityComplaints"]["value"]!.GetValue<double>());
        Assert.Equal(7, evidence["overloadDays"]["value"]!.GetValue<double>());
        Assert.Contains("420", evidence["overloadDays"]["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.InRange(evidence["voltageCompliance"]["value"]!.GetValue<double>(), 0, 99.99);
        var feeder = hotspots.Single(h => h!["kind"]!.GetValue<string>() == "feeder")!;
        Assert.Contains(feeder["evidence"]!.AsArray(), e => e!["kind"]!.GetValue<string>() == "overloadDays");
        var taker = hotspots.Single(h => h!["kind"]!.GetValue<string>() == "agent")!;
        Assert.Equal("agent", taker["code"]!.GetValue<string>());
        Assert.Null(taker["id"]);
        Assert.Equal(2, taker["complaints"]!.GetValue<int>());
    }

    private async Task<string> AccountOfAsync(long customerId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Customers.Where(c => c.Id == customerId).Select(c => c.AccountNumber).SingleAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class SqliteComplaintHotspotEvidenceTests(SqliteFactory factory) : ComplaintHotspotEvidenceTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresComplaintHotspotEvidenceTests(PostgresFactory factory) : ComplaintHotspotEvidenceTests(factory), IClassFixture<PostgresFactory>;
