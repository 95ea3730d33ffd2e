using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

public abstract class NetworkApiTests(GridCareFactory factory)
{
    [Fact]
    public async Task Feeders_ListsEveryFeederWithItsSubstationAndTransformers()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");

        var feeders = (await dispatcher.GetJsonAsync("/api/v1/network/feeders")).AsArray();

        Assert.Equal(6, feeders.Count);
        Assert.All(feeders, f => Assert.EndsWith("变电站", f!["substation"]!["name"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(40, feeders.Sum(f => f!["transformerCount"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Transformers_OfOneFeeder_AreExactlyItsTransformers()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var feeder = (await dispatcher.GetJsonAsync("/api/v1/network/feeders")).AsArray()[0]!;

        var transformers = await dispatcher.GetJsonAsync($"/api/v1/network/transformers?feederId={feeder["id"]}&pageSize=500");

        Assert.Equal(feeder["transformerCount"]!.GetValue<int>(), transformers["total"]!.GetValue<int>());
        Assert.All(transformers["items"]!.AsArray(), t =>
        {
            Assert.Equal(feeder["id"]!.GetValue<long>(), t!["feeder"]!["id"]!.GetValue<long>());
            Assert.True(t["ratedKva"]!.GetValue<int>() > 0);
        });
    }

    [Fact]
    public async Task Feeders_AsStationCrew_OnlyTheirStation()
    {
        var crew = await factory.ClientForAsync("crew");

        var feeders = (await crew.GetJsonAsync("/api/v1/network/feeders")).AsArray();

        Assert.NotEmpty(feeders);
        Assert.Single(feeders.Select(f => f!["supplyStation"]!.GetValue<string>()).Distinct());
    }
}

public sealed class SqliteNetworkApiTests(SqliteFactory factory) : NetworkApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresNetworkApiTests(PostgresFactory factory) : NetworkApiTests(factory), IClassFixture<PostgresFactory>;
