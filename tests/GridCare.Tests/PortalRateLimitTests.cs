using System.Net;
using GridCare.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace GridCare.Tests;

/// <summary>The limiter is middleware in front of the pages, the same on every provider, so it runs on SQLite only.</summary>
public sealed class PortalRateLimitTests(PortalRateLimitTests.LowLimitFactory factory) : IClassFixture<PortalRateLimitTests.LowLimitFactory>
{
    [Fact]
    public async Task PortalPosts_OverTheLimit_Answer429WithAFriendlyPage_WhilePagesStillLoad()
    {
        var portal = factory.AnonymousClient();
        var html = await portal.GetStringAsync(new Uri("/portal/track", UriKind.Relative), TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var statuses = new List<HttpStatusCode>();
        string? rejected = null;
        for (var i = 0; i < 4; i++)
        {
            using var body = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "portal-track",
                ["__RequestVerificationToken"] = token,
                ["Input.Number"] = "DF20000101-000001",
                ["Input.Phone"] = "13000000000",
            });
            using var response = await portal.PostAsync(new Uri("/portal/track", UriKind.Relative), body, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
                rejected = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            }
        }

        using var page = await portal.GetAsync(new Uri("/portal", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("操作过于频繁", rejected, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    public sealed class LowLimitFactory : SqliteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("GridCare:Portal:PostsPerWindow", "3");
            builder.UseSetting("GridCare:Portal:Window", "00:10:00");
        }
    }
}
