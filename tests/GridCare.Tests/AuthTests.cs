using GridCare.Features.Demo;
using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

public abstract class AuthTests(GridCareFactory factory)
{
    [Fact]
    public async Task Token_WithDemoPassword_ReturnsAccessTokenAndLifetime()
    {
        var (status, body, _) = await factory.AnonymousClient().SendAsync(
            HttpMethod.Post, "/api/v1/auth/token", ApiJson.Json(new { username = "dispatcher", password = DemoAccounts.Password }));

        Assert.Equal(200, status);
        Assert.False(string.IsNullOrEmpty(body!["accessToken"]!.GetValue<string>()));
        Assert.Equal(8 * 3600, body["expiresIn"]!.GetValue<long>());
    }

    [Fact]
    public async Task Token_WithWrongPassword_Returns401Problem()
    {
        var (status, body, contentType) = await factory.AnonymousClient().SendAsync(
            HttpMethod.Post, "/api/v1/auth/token", ApiJson.Json(new { username = "manager", password = "wrong-password-1" }));

        Assert.Equal(401, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(401, body!["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Token_WithoutPassword_Returns400NamingTheField()
    {
        var (status, body, contentType) = await factory.AnonymousClient().SendAsync(
            HttpMethod.Post, "/api/v1/auth/token", ApiJson.Json(new { username = "agent" }));

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.NotNull(body!["errors"]!["Password"]);
    }

    [Theory]
    [InlineData("/api/v1/customers")]
    [InlineData("/api/v1/customers/1")]
    [InlineData("/api/v1/network/feeders")]
    [InlineData("/api/v1/network/transformers")]
    public async Task Api_WithoutToken_Returns401Problem(string url)
    {
        var (status, _, contentType) = await factory.AnonymousClient().SendAsync(HttpMethod.Get, url);

        Assert.Equal(401, status);
        Assert.Equal("application/problem+json", contentType);
    }

    [Fact]
    public async Task Api_WithForgedToken_Returns401()
    {
        var client = factory.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "CfDJ8forged-token");
        var (status, _, _) = await client.SendAsync(HttpMethod.Get, "/api/v1/customers");

        Assert.Equal(401, status);
    }

    [Fact]
    public async Task Import_AsAgent_Returns403()
    {
        var client = await factory.ClientForAsync("agent");
        var (status, _, _) = await client.SendAsync(HttpMethod.Post, "/api/v1/imports/customers", ApiJson.Csv("account_number\n"));

        Assert.Equal(403, status);
    }
}

public sealed class SqliteAuthTests(SqliteFactory factory) : AuthTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresAuthTests(PostgresFactory factory) : AuthTests(factory), IClassFixture<PostgresFactory>;
