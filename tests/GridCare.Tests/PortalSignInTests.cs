using System.Net;
using System.Text.RegularExpressions;
using GridCare.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using static GridCare.Tests.Infrastructure.PortalForms;

namespace GridCare.Tests;

/// <summary>Customers sign in with a texted code (shown on the page in demo mode, where no SMS leaves the machine).</summary>
public abstract partial class PortalSignInTests(GridCareFactory factory)
{
    [Fact]
    public async Task SignedInCustomer_SeesOwnOrdersOnly()
    {
        var agent = await factory.ClientForAsync("agent");
        var (account, phone) = await CustomerAsync(agent, 4);
        var (otherAccount, otherPhone) = await CustomerAsync(agent, 5);
        var portal = factory.AnonymousClient();
        var mine = await ReportAsync(portal, account, phone, "家里没电了");
        var theirs = await ReportAsync(factory.AnonymousClient(), otherAccount, otherPhone, "路灯不亮");

        var code = await RequestDemoCodeAsync(portal, phone);
        using var signIn = await VerifyAsync(portal, phone, code);
        var list = await portal.GetStringAsync(new Uri("/portal/orders", UriKind.Relative), TestContext.Current.CancellationToken);
        using var own = await portal.GetAsync(new Uri($"/portal/orders/{mine}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var foreign = await portal.GetAsync(new Uri($"/portal/orders/{theirs}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/portal/orders", signIn.Headers.Location!.AbsolutePath);
        Assert.Contains(mine, list, StringComparison.Ordinal);
        Assert.Contains(account, list, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs, list, StringComparison.Ordinal);
        Assert.DoesNotContain(otherAccount, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("家里没电了", WebUtility.HtmlDecode(await own.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.DoesNotContain("路灯不亮", WebUtility.HtmlDecode(await foreign.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyOrders_Anonymous_RedirectsToSignIn()
    {
        var portal = factory.AnonymousClient();

        using var response = await portal.GetAsync(new Uri("/portal/orders", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/portal/login?ReturnUrl=%2Fportal%2Forders", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_WorksOnce()
    {
        var agent = await factory.ClientForAsync("agent");
        var (_, phone) = await CustomerAsync(agent, 6);
        var code = await RequestDemoCodeAsync(factory.AnonymousClient(), phone);

        using var first = await VerifyAsync(factory.AnonymousClient(), phone, code);
        using var second = await VerifyAsync(factory.AnonymousClient(), phone, code);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("验证码错误或已过期", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_DiesAfterFiveWrongGuesses()
    {
        var agent = await factory.ClientForAsync("agent");
        var (_, phone) = await CustomerAsync(agent, 7);
        var portal = factory.AnonymousClient();
        var code = await RequestDemoCodeAsync(portal, phone);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
        {
            using var guess = await VerifyAsync(portal, phone, wrong);
            Assert.Equal(HttpStatusCode.OK, guess.StatusCode);
        }

        using var right = await VerifyAsync(portal, phone, code);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        using var orders = await portal.GetAsync(new Uri("/portal/orders", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, orders.StatusCode);
    }

    [Fact]
    public async Task UnknownPhone_GetsTheSameAnswer_AndNoCode()
    {
        var portal = factory.AnonymousClient();

        var html = await RequestCodeAsync(portal, "19999999999");

        Assert.Contains("data-testid=\"code-sent\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"demo-code\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomerCookie_OpensNoStaffApi()
    {
        var agent = await factory.ClientForAsync("agent");
        var (_, phone) = await CustomerAsync(agent, 8);
        var portal = factory.AnonymousClient();
        using var signIn = await VerifyAsync(portal, phone, await RequestDemoCodeAsync(portal, phone));
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("GridCare.Customer=", StringComparison.Ordinal));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/work-orders");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var response = await factory.AnonymousClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Contains("path=/portal", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    internal static async Task<string> RequestCodeAsync(HttpClient portal, string phone)
    {
        var form = await FormAsync(portal, "/portal/login");
        var (_, html) = await PostAsync(portal, "/portal/login", "portal-sign-in-phone", form.Token, new() { ["PhoneForm.Phone"] = phone });
        return html;
    }

    internal static async Task<HttpResponseMessage> VerifyAsync(HttpClient portal, string phone, string code)
    {
        var form = await FormAsync(portal, "/portal/login");
        return await SubmitAsync(portal, "/portal/login", "portal-sign-in-code", form.Token, new() { ["CodeForm.Phone"] = phone, ["CodeForm.Code"] = code });
    }

    internal static async Task<string> RequestDemoCodeAsync(HttpClient portal, string phone)
    {
        var html = await RequestCodeAsync(portal, phone);
        var match = DemoCode().Match(html);
        Assert.True(match.Success, "No demo code on the page: " + html);
        return match.Groups[1].Value;
    }

    [GeneratedRegex("data-testid=\"demo-code\">[^<]*?(\\d{6})")]
    private static partial Regex DemoCode();
}

public sealed class SqlitePortalSignInTests(SqliteFactory factory) : PortalSignInTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresPortalSignInTests(PostgresFactory factory) : PortalSignInTests(factory), IClassFixture<PostgresFactory>;

/// <summary>With a gateway configured the code travels only by SMS, signed; a failing gateway costs the customer nothing.</summary>
public sealed class PortalSignInGatewayTests(PortalSignInGatewayTests.GatewayFactory factory) : IClassFixture<PortalSignInGatewayTests.GatewayFactory>
{
    [Fact]
    public async Task Code_GoesThroughTheSignedGateway_NotOntoThePage()
    {
        var agent = await factory.ClientForAsync("agent");
        var (account, phone) = await PortalForms.CustomerAsync(agent, 0);
        var portal = factory.AnonymousClient();

        var html = await PortalSignInTests.RequestCodeAsync(portal, phone);
        var sms = Assert.Single(factory.Gateway.Received, m => m.To == phone);
        var code = Regex.Match(sms.Text, @"\d{6}").Value;
        using var signIn = await PortalSignInTests.VerifyAsync(portal, phone, code);
        var list = await portal.GetStringAsync(new Uri("/portal/orders", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("data-testid=\"code-sent\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"demo-code\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(code, html, StringComparison.Ordinal);
        Assert.Equal(0, factory.Gateway.Rejected);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(account, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingGateway_SaysSo_AndTheRetryAfterRecoveryWorks()
    {
        var agent = await factory.ClientForAsync("agent");
        var (_, phone) = await PortalForms.CustomerAsync(agent, 1);
        var portal = factory.AnonymousClient();

        factory.Gateway.Failing = true;
        var failed = await PortalSignInTests.RequestCodeAsync(portal, phone);
        factory.Gateway.Failing = false;
        var retried = await PortalSignInTests.RequestCodeAsync(portal, phone);

        Assert.Contains("短信发送失败", failed, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"code-sent\"", retried, StringComparison.Ordinal);
        var code = Regex.Match(Assert.Single(factory.Gateway.Received, m => m.To == phone).Text, @"\d{6}").Value;
        using var signIn = await PortalSignInTests.VerifyAsync(portal, phone, code);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    public sealed class GatewayFactory : SqliteFactory
    {
        public FakeSmsGateway Gateway { get; private set; } = default!;

        public override async ValueTask InitializeAsync()
        {
            Gateway = await FakeSmsGateway.StartAsync();
            await base.InitializeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Gateway.DisposeAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("GridCare:Sms:GatewayUrl", Gateway.Url.ToString());
            builder.UseSetting("GridCare:Sms:Secret", FakeSmsGateway.Secret);
        }
    }
}
