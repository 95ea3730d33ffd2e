using System.Text.Json.Nodes;
using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

public abstract class CustomerApiTests(GridCareFactory factory)
{
    [Fact]
    public async Task Search_ByAccountNumber_FindsThatAccount()
    {
        var agent = await factory.ClientForAsync("agent");
        var some = await FirstResidentialAsync(agent);
        var account = some["accountNumber"]!.GetValue<string>();

        var found = await agent.GetJsonAsync($"/api/v1/customers?q={account}");

        Assert.Equal(1, found["total"]!.GetValue<int>());
        Assert.Equal(account, found["items"]![0]!["accountNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task Search_ByPhone_FindsTheAccount()
    {
        var agent = await factory.ClientForAsync("agent");
        var some = await FirstResidentialAsync(agent);

        var found = await agent.GetJsonAsync($"/api/v1/customers?q={some["phone"]!.GetValue<string>()}");

        Assert.Contains(found["items"]!.AsArray(), c => c!["id"]!.GetValue<long>() == some["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Search_ByMeterNumber_FindsTheAccount()
    {
        var agent = await factory.ClientForAsync("agent");
        var some = await FirstResidentialAsync(agent);
        var detail = await agent.GetJsonAsync($"/api/v1/customers/{some["id"]}");

        var found = await agent.GetJsonAsync($"/api/v1/customers?q={detail["meterNumber"]!.GetValue<string>()}");

        Assert.Equal(1, found["total"]!.GetValue<int>());
        Assert.Equal(some["id"]!.GetValue<long>(), found["items"]![0]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task Search_ByNamePrefix_ReturnsOnlyNamesStartingWithIt()
    {
        var agent = await factory.ClientForAsync("agent");
        var some = await FirstResidentialAsync(agent);
        var surname = some["name"]!.GetValue<string>()[..1];

        var found = await agent.GetJsonAsync($"/api/v1/customers?q={Uri.EscapeDataString(surname)}&pageSize=200");

        Assert.True(found["total"]!.GetValue<int>() > 1);
        Assert.All(found["items"]!.AsArray(), c => Assert.StartsWith(surname, c!["name"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_Paged_ReportsTotalAndReturnsOnePage()
    {
        var agent = await factory.ClientForAsync("agent");

        var first = await agent.GetJsonAsync("/api/v1/customers?page=1&pageSize=7");
        var second = await agent.GetJsonAsync("/api/v1/customers?page=2&pageSize=7");

        Assert.Equal(1_500, first["total"]!.GetValue<int>());
        Assert.Equal(7, first["items"]!.AsArray().Count);
        Assert.DoesNotContain(second["items"]!.AsArray(), c => first["items"]!.AsArray().Any(f => f!["id"]!.GetValue<long>() == c!["id"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Search_WithPageSizeZero_Returns400NamingPageSize()
    {
        var agent = await factory.ClientForAsync("agent");

        var (status, body, contentType) = await agent.SendAsync(HttpMethod.Get, "/api/v1/customers?pageSize=0");

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.NotNull(body!["errors"]!["pageSize"]);
    }

    [Fact]
    public async Task Get_Customer_HasNetworkPathFromSubstationToServicePoint()
    {
        var agent = await factory.ClientForAsync("agent");
        var some = await FirstResidentialAsync(agent);

        var detail = await agent.GetJsonAsync($"/api/v1/customers/{some["id"]}");
        var kinds = detail["networkPath"]!.AsArray().Select(n => n!["kind"]!.GetValue<string>()).ToList();

        Assert.Equal("Substation", kinds[0]);
        Assert.Equal("Feeder", kinds[1]);
        Assert.Equal(["Transformer", "Meter", "ServicePoint"], kinds[^3..]);
        Assert.All(kinds[2..^3], k => Assert.Equal("Switch", k));
        Assert.NotNull(detail["networkPath"]![kinds.Count - 3]!["ratedKva"]);
        Assert.Equal(4, detail["orgUnitPath"]!.AsArray().Count);
        Assert.False(string.IsNullOrEmpty(detail["tariff"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Get_AnotherStationsCustomer_AsStationCrew_Returns404AndSearchHidesIt()
    {
        var agent = await factory.ClientForAsync("agent");
        var crew = await factory.ClientForAsync("crew");
        var crewsOwn = (await crew.GetJsonAsync("/api/v1/customers?pageSize=1"))["items"]![0]!;
        var all = await agent.GetJsonAsync("/api/v1/customers?pageSize=200&page=8");
        var elsewhere = all["items"]!.AsArray().First(c => c!["orgUnitId"]!.GetValue<int>() != crewsOwn["orgUnitId"]!.GetValue<int>())!;

        var (status, body, _) = await crew.SendAsync(HttpMethod.Get, $"/api/v1/customers/{elsewhere["id"]}");
        var search = await crew.GetJsonAsync($"/api/v1/customers?q={elsewhere["accountNumber"]}");
        var (ownStatus, _, _) = await crew.SendAsync(HttpMethod.Get, $"/api/v1/customers/{crewsOwn["id"]}");

        Assert.Equal(404, status);
        Assert.Equal(404, body!["status"]!.GetValue<int>());
        Assert.Equal(0, search["total"]!.GetValue<int>());
        Assert.Equal(200, ownStatus);
        Assert.True((await crew.GetJsonAsync("/api/v1/customers"))["total"]!.GetValue<int>() < 1_500);
    }

    [Fact]
    public async Task Get_AsAnalyst_MasksPhoneAndIdNumber_AsAgent_ShowsThem()
    {
        var agent = await factory.ClientForAsync("agent");
        var analyst = await factory.ClientForAsync("analyst");
        var some = await FirstResidentialAsync(agent);

        var full = await agent.GetJsonAsync($"/api/v1/customers/{some["id"]}");
        var masked = await analyst.GetJsonAsync($"/api/v1/customers/{some["id"]}");

        Assert.DoesNotContain('*', full["phone"]!.GetValue<string>());
        Assert.Matches(@"^\d{3}\*{4}\d{4}$", masked["phone"]!.GetValue<string>());
        Assert.Matches(@"^.{4}\*{10}.{4}$", masked["idNumber"]!.GetValue<string>());
        Assert.Equal(full["idNumber"]!.GetValue<string>()[^4..], masked["idNumber"]!.GetValue<string>()[^4..]);
    }

    [Fact]
    public async Task Get_UnknownCustomer_Returns404Problem()
    {
        var agent = await factory.ClientForAsync("agent");

        var (status, _, contentType) = await agent.SendAsync(HttpMethod.Get, "/api/v1/customers/987654321");

        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", contentType);
    }

    private static async Task<JsonNode> FirstResidentialAsync(HttpClient client)
    {
        var page = await client.GetJsonAsync("/api/v1/customers?pageSize=50&page=3");
        return page["items"]!.AsArray().First(c => c!["category"]!.GetValue<string>() == "Residential")!;
    }
}

public sealed class SqliteCustomerApiTests(SqliteFactory factory) : CustomerApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresCustomerApiTests(PostgresFactory factory) : CustomerApiTests(factory), IClassFixture<PostgresFactory>;
