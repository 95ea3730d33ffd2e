using System.Net;
using GridCare.Tests.Infrastructure;
using static GridCare.Tests.Infrastructure.PortalForms;

namespace GridCare.Tests;

/// <summary>A signed-in portal customer edits their own notification preferences at /portal/preferences.</summary>
public abstract class NotificationPortalTests(GridCareFactory factory)
{
    [Fact]
    public async Task SignedInCustomer_ChangesOwnPreferences_BadEmailRefusedByField()
    {
        var agent = await factory.ClientForAsync("agent");
        var (account, phone) = await CustomerAsync(agent, 8);
        var (otherAccount, _) = await CustomerAsync(agent, 9);
        var portal = factory.AnonymousClient();
        using var anonymous = await portal.GetAsync(new Uri("/portal/preferences", UriKind.Relative), TestContext.Current.CancellationToken);
        var code = await PortalSignInTests.RequestDemoCodeAsync(portal, phone);
        using var signIn = await PortalSignInTests.VerifyAsync(portal, phone, code);

        var form = await FormAsync(portal, "/portal/preferences");
        var (badStatus, bad) = await PostAsync(portal, "/portal/preferences", "portal-preferences", form.Token, Fields(account, "not-an-address"));
        var (okStatus, ok) = await PostAsync(portal, "/portal/preferences", "portal-preferences", form.Token, Fields(account, "li.na@example.cn"));
        var (_, foreign) = await PostAsync(portal, "/portal/preferences", "portal-preferences", form.Token, Fields(otherAccount, "thief@example.cn"));
        var id = (await agent.GetJsonAsync($"/api/v1/customers?q={account}"))["items"]![0]!["id"]!.GetValue<long>();
        var otherId = (await agent.GetJsonAsync($"/api/v1/customers?q={otherAccount}"))["items"]![0]!["id"]!.GetValue<long>();
        var stored = await agent.GetJsonAsync($"/api/v1/customers/{id}/notification-preferences");
        var other = await agent.GetJsonAsync($"/api/v1/customers/{otherId}/notification-preferences");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (badStatus, okStatus));
        Assert.Contains("data-testid=\"preferences-error-email\"", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"preferences-saved\"", bad, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"preferences-saved\"", ok, StringComparison.Ordinal);
        Assert.Contains(account, ok, StringComparison.Ordinal);
        Assert.DoesNotContain(otherAccount, foreign, StringComparison.Ordinal);
        Assert.Equal(["email"], stored["channels"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(("li.na@example.cn", "en", "21:00", "06:30", true), (
            stored["email"]!.GetValue<string>(), stored["language"]!.GetValue<string>(), stored["quietHoursStart"]!.GetValue<string>(),
            stored["quietHoursEnd"]!.GetValue<string>(), stored["optOutNonEmergency"]!.GetValue<bool>()));
        Assert.True(other["isDefault"]!.GetValue<bool>());
    }

    private static Dictionary<string, string> Fields(string account, string email) => new()
    {
        ["Form.Account"] = account,
        ["Form.Email"] = "True",
        ["Form.EmailAddress"] = email,
        ["Form.Language"] = "en",
        ["Form.QuietHours"] = "True",
        ["Form.QuietStart"] = "21:00",
        ["Form.QuietEnd"] = "06:30",
        ["Form.OptOut"] = "True",
    };
}

public sealed class SqliteNotificationPortalTests(SqliteFactory factory) : NotificationPortalTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresNotificationPortalTests(PostgresFactory factory) : NotificationPortalTests(factory), IClassFixture<PostgresFactory>;
