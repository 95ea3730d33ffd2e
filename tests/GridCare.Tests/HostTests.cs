using System.Net;
using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

public abstract class HostTests(GridCareFactory factory)
{
    [Fact]
    public async Task Health_WhenStarted_Returns200()
    {
        var (status, _, _) = await factory.AnonymousClient().SendAsync(HttpMethod.Get, "/health");
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheApi()
    {
        var document = await factory.AnonymousClient().GetJsonAsync("/openapi/v1.json");
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();

        Assert.Contains("/api/v1/customers", paths);
        Assert.Contains("/api/v1/customers/{id}", paths);
        Assert.Contains("/api/v1/auth/token", paths);
        Assert.Contains("/api/v1/network/feeders", paths);
        Assert.Contains("/api/v1/network/transformers", paths);
    }

    [Fact]
    public async Task ApiReference_Page_Returns200()
    {
        var response = await factory.AnonymousClient().GetAsync(new Uri("/scalar/v1", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Console_WithoutSignIn_RedirectsToSignInPage()
    {
        var response = await factory.AnonymousClient().GetAsync(new Uri("/customers", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_ByDefault_IsChinese_AndEnglishOnRequest()
    {
        var client = factory.AnonymousClient();
        var chinese = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/login", UriKind.Relative), TestContext.Current.CancellationToken));
        var english = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/login?culture=en-US", UriKind.Relative), TestContext.Current.CancellationToken));

        Assert.Contains("用户名", chinese, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", chinese, StringComparison.Ordinal);
        Assert.Contains("User name", english, StringComparison.Ordinal);
    }
}

public sealed class SqliteHostTests(SqliteFactory factory) : HostTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresHostTests(PostgresFactory factory) : HostTests(factory), IClassFixture<PostgresFactory>;
