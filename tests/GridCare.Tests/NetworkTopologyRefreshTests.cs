using GridCare.Features.Network;
using GridCare.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Tests;

/// <summary>
/// The cached topology follows the network register: an import on this instance is traced at once, a second
/// instance on the same database picks it up at its next revision check (TopologyRefreshSeconds, 10 by default)
/// and not before. Its own class, because the import changes the demo network the other impact tests rely on.
/// </summary>
public abstract class NetworkTopologyRefreshTests(GridCareFactory factory)
{
    [Fact]
    public async Task NetworkImport_OpensATieOverATransformer_ImpactFollows_HereAtOnce_ThereAfterTheRefreshInterval()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await factory.ClientForAsync("admin");
        var crew = await factory.ClientForAsync("crew"); // the first county's town supply station, GZBJ0101
        var feeder = (await crew.GetJsonAsync("/api/v1/network/feeders")).AsArray()[0]!;
        var transformers = await NetworkImpactApiTests.TransformersOfAsync(crew, feeder);
        var (moved, movedMeters) = transformers.First(t => t.Value > 0);
        var row = (await crew.GetJsonAsync($"/api/v1/network/transformers?q={moved}"))["items"]!.AsArray().Single()!;
        var feederCode = NetworkImpactApiTests.Code(feeder);
        var before = (await crew.GetJsonAsync($"/api/v1/network/devices/{feederCode}/impact"))["customerCount"]!.GetValue<int>();

        await using var second = factory.SecondInstance();
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var secondHost = second.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var secondCache = secondHost.Services.GetRequiredService<NetworkTopologyCache>();
        var feederId = feeder["id"]!.GetValue<long>();
        Assert.Equal(before, (await secondCache.GetAsync(ct)).CustomersBelow(feederId).Count);

        var csv = $"""
            code,kind,name,parent_code,area_type,org_unit_code,rated_kva,voltage_kv,normally_open
            {feederCode}-TIE,switch,联络开关,{feederCode},{row["areaType"]},GZBJ0101,,,true
            {moved},transformer,{row["name"]},{feederCode}-TIE,{row["areaType"]},GZBJ0101,{row["ratedKva"]},,
            """;
        var (status, body, _) = await admin.SendAsync(HttpMethod.Post, "/api/v1/imports/network", ApiJson.Csv(csv));
        Assert.True(status == 200, body?.ToJsonString());

        var after = await crew.GetJsonAsync($"/api/v1/network/devices/{feederCode}/impact");
        var tie = await crew.GetJsonAsync($"/api/v1/network/devices/{feederCode}-TIE/impact");
        var behindTie = await crew.GetJsonAsync($"/api/v1/network/devices/{moved}/impact");
        Assert.Equal(before - movedMeters, after["customerCount"]!.GetValue<int>());
        Assert.DoesNotContain(moved, after["transformers"]!.AsArray().Select(t => NetworkImpactApiTests.Code(t!)));
        Assert.Equal(0, tie["customerCount"]!.GetValue<int>());
        Assert.Equal(movedMeters, behindTie["customerCount"]!.GetValue<int>());

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(before, (await secondCache.GetAsync(ct)).CustomersBelow(feederId).Count);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(before - movedMeters, (await secondCache.GetAsync(ct)).CustomersBelow(feederId).Count);
    }
}

public sealed class SqliteNetworkTopologyRefreshTests(SqliteFactory factory) : NetworkTopologyRefreshTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresNetworkTopologyRefreshTests(PostgresFactory factory) : NetworkTopologyRefreshTests(factory), IClassFixture<PostgresFactory>;
