using System.Text.Json.Nodes;
using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

/// <summary>
/// <c>GET /api/v1/network/devices/{code}/impact</c> on the small demo area (6 feeders, 40 transformers, 1,500
/// accounts, one meter per account, every switch closed). The expected numbers come from the other network
/// endpoints (transformers per feeder with their meter counts), not from the topology under test.
/// </summary>
public abstract class NetworkImpactApiTests(GridCareFactory factory)
{
    [Fact]
    public async Task Impact_Feeder_ItsTransformersAndEveryAccountOnThem()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var feeder = (await dispatcher.GetJsonAsync("/api/v1/network/feeders")).AsArray()[0]!;
        var expected = await TransformersOfAsync(dispatcher, feeder);

        var impact = await dispatcher.GetJsonAsync($"/api/v1/network/devices/{Code(feeder)}/impact");

        Assert.Equal(Code(feeder), impact["device"]!["code"]!.GetValue<string>());
        Assert.Equal("Feeder", impact["device"]!["kind"]!.GetValue<string>());
        Assert.Equal(expected.Count, impact["transformerCount"]!.GetValue<int>());
        Assert.Equal(expected.Keys.Order(), impact["transformers"]!.AsArray().Select(t => t!["code"]!.GetValue<string>()).Order());
        Assert.All(impact["transformers"]!.AsArray(), t => Assert.True(t!["ratedKva"]!.GetValue<int>() > 0));
        Assert.Equal(expected.Values.Sum(), impact["customerCount"]!.GetValue<int>());
        var listed = impact["customers"]!.AsArray();
        Assert.Equal(Math.Min(200, expected.Values.Sum()), listed.Count);
        Assert.Equal(listed.Count, listed.Select(c => c!["accountNumber"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task Impact_FeederWithAnotherFeederSwitchedOff_IsTheUnion()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var feeders = (await dispatcher.GetJsonAsync("/api/v1/network/feeders")).AsArray();
        var first = await TransformersOfAsync(dispatcher, feeders[0]!);
        var second = await TransformersOfAsync(dispatcher, feeders[1]!);

        var impact = await dispatcher.GetJsonAsync($"/api/v1/network/devices/{Code(feeders[0]!)}/impact?switchedOff={Code(feeders[1]!)},{Code(feeders[0]!)}");

        Assert.Equal(first.Count + second.Count, impact["transformerCount"]!.GetValue<int>());
        Assert.Equal(first.Values.Sum() + second.Values.Sum(), impact["customerCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Impact_TransformerAndMeter_TheirAccounts_PhonesMaskedForAnalysts()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var analyst = await factory.ClientForAsync("analyst");
        var feeder = (await dispatcher.GetJsonAsync("/api/v1/network/feeders")).AsArray()[0]!;
        var (transformer, meters) = (await TransformersOfAsync(dispatcher, feeder)).First(t => t.Value > 0);

        var asDispatcher = await dispatcher.GetJsonAsync($"/api/v1/network/devices/{transformer}/impact");
        var asAnalyst = await analyst.GetJsonAsync($"/api/v1/network/devices/{transformer}/impact");

        Assert.Equal(meters, asDispatcher["customerCount"]!.GetValue<int>());
        Assert.Equal(1, asDispatcher["transformerCount"]!.GetValue<int>());
        var phones = asDispatcher["customers"]!.AsArray().Select(c => c!["phone"]?.GetValue<string>()).OfType<string>().ToList();
        Assert.NotEmpty(phones);
        Assert.All(phones, p => Assert.DoesNotContain('*', p));
        Assert.All(asAnalyst["customers"]!.AsArray().Select(c => c!["phone"]?.GetValue<string>()).OfType<string>(), p => Assert.Contains('*', p));

        // One account of that transformer: its meter is found through the customer's supply path.
        var account = asDispatcher["customers"]!.AsArray()[0]!["accountNumber"]!.GetValue<string>();
        var found = await dispatcher.GetJsonAsync($"/api/v1/customers?q={account}");
        var detail = await dispatcher.GetJsonAsync($"/api/v1/customers/{found["items"]![0]!["id"]}");
        var meter = detail["networkPath"]!.AsArray().Single(n => n!["kind"]!.GetValue<string>() == "Meter")!["code"]!.GetValue<string>();

        var meterImpact = await dispatcher.GetJsonAsync($"/api/v1/network/devices/{meter}/impact");

        Assert.Equal(1, meterImpact["customerCount"]!.GetValue<int>());
        Assert.Equal(0, meterImpact["transformerCount"]!.GetValue<int>());
        Assert.Equal(account, meterImpact["customers"]![0]!["accountNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task Impact_UnknownDeviceOrOutsideTheCallersUnits_NotFound()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var crew = await factory.ClientForAsync("crew");
        var crewFeeders = (await crew.GetJsonAsync("/api/v1/network/feeders")).AsArray().Select(f => Code(f!)).ToHashSet();
        var otherFeeder = (await dispatcher.GetJsonAsync("/api/v1/network/feeders")).AsArray().Select(f => Code(f!)).First(c => !crewFeeders.Contains(c));

        var (unknown, _, _) = await dispatcher.SendAsync(HttpMethod.Get, "/api/v1/network/devices/NO-SUCH-DEVICE/impact");
        var (outside, _, _) = await crew.SendAsync(HttpMethod.Get, $"/api/v1/network/devices/{otherFeeder}/impact");
        var (own, _, _) = await crew.SendAsync(HttpMethod.Get, $"/api/v1/network/devices/{crewFeeders.First()}/impact");
        var (anonymous, _, _) = await factory.AnonymousClient().SendAsync(HttpMethod.Get, $"/api/v1/network/devices/{otherFeeder}/impact");

        Assert.Equal(404, unknown);
        Assert.Equal(404, outside);
        Assert.Equal(200, own);
        Assert.Equal(401, anonymous);
    }

    [Fact]
    public async Task Impact_UnknownOrInvisibleSwitchedOffCode_ProblemNamingTheParameter()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var crew = await factory.ClientForAsync("crew");
        var feeders = (await dispatcher.GetJsonAsync("/api/v1/network/feeders")).AsArray().Select(f => Code(f!)).ToList();
        var crewFeeders = (await crew.GetJsonAsync("/api/v1/network/feeders")).AsArray().Select(f => Code(f!)).ToList();
        var crewFeeder = crewFeeders[0];
        var otherFeeder = feeders.First(f => !crewFeeders.Contains(f));

        var (status, body, contentType) = await dispatcher.SendAsync(HttpMethod.Get, $"/api/v1/network/devices/{feeders[0]}/impact?switchedOff=NOPE-1,{feeders[1]}");
        var (crewStatus, crewBody, _) = await crew.SendAsync(HttpMethod.Get, $"/api/v1/network/devices/{crewFeeder}/impact?switchedOff={otherFeeder}");

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Contains("NOPE-1", body!["errors"]!["switchedOff"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(feeders[1], body["errors"]!["switchedOff"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(400, crewStatus);
        Assert.Contains(otherFeeder, crewBody!["errors"]!["switchedOff"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    internal static string Code(JsonNode device) => device["code"]!.GetValue<string>();

    /// <summary>Transformer code → meter count of a feeder, from the transformer list.</summary>
    internal static async Task<Dictionary<string, int>> TransformersOfAsync(HttpClient client, JsonNode feeder)
    {
        var page = await client.GetJsonAsync($"/api/v1/network/transformers?feederId={feeder["id"]}&pageSize=500");
        return page["items"]!.AsArray().ToDictionary(t => Code(t!), t => t!["meterCount"]!.GetValue<int>());
    }
}

public sealed class SqliteNetworkImpactApiTests(SqliteFactory factory) : NetworkImpactApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresNetworkImpactApiTests(PostgresFactory factory) : NetworkImpactApiTests(factory), IClassFixture<PostgresFactory>;
