using GridCare.Features.Notifications;
using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

public abstract class NotificationApiTests(GridCareFactory factory)
{
    private static readonly string[] BadChannels = ["email", "fax"];
    private static readonly string[] WeChatThenSms = ["weChat", "sms"];

    [Fact]
    public async Task Preferences_DefaultThenEdited_ByAgent_InvalidFieldsNamed_CrewRefused()
    {
        var agent = await factory.ClientForAsync("agent");
        var crew = await factory.ClientForAsync("crew");
        var customer = (await factory.CustomersWithPhoneAsync(1, skip: 30))[0];
        var url = $"/api/v1/customers/{customer}/notification-preferences";

        var before = await agent.GetJsonAsync(url);
        var (invalid, problem, type) = await agent.SendAsync(HttpMethod.Put, url, ApiJson.Json(new
        {
            channels = BadChannels,
            language = "fr",
            quietHoursStart = "25:00",
        }));
        var (saved, body, _) = await agent.SendAsync(HttpMethod.Put, url, ApiJson.Json(new
        {
            channels = WeChatThenSms,
            weChatOpenId = "o-wx-9",
            language = "en",
            quietHoursEnabled = true,
            quietHoursStart = "21:30",
            quietHoursEnd = "08:00",
            optOutNonEmergency = true,
        }));
        var after = await agent.GetJsonAsync(url);
        var (byCrew, _, _) = await crew.SendAsync(HttpMethod.Get, url);
        var (unknown, _, _) = await agent.SendAsync(HttpMethod.Get, "/api/v1/customers/987654321/notification-preferences");

        Assert.Equal((true, "zh-CN", "22:00", "07:00"), (before["isDefault"]!.GetValue<bool>(), before["language"]!.GetValue<string>(), before["quietHoursStart"]!.GetValue<string>(), before["quietHoursEnd"]!.GetValue<string>()));
        Assert.Equal(["sms"], before["channels"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(before["phone"]!.GetValue<string>()));
        Assert.Equal((400, "application/problem+json"), (invalid, type));
        var errors = problem!["errors"]!.AsObject();
        Assert.Equal(["channels", "email", "language", "quietHoursStart"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(200, saved);
        Assert.Equal(["weChat", "sms"], after["channels"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal((false, "en", "21:30", "08:00", true, "o-wx-9"), (
            after["isDefault"]!.GetValue<bool>(), after["language"]!.GetValue<string>(), after["quietHoursStart"]!.GetValue<string>(),
            after["quietHoursEnd"]!.GetValue<string>(), after["optOutNonEmergency"]!.GetValue<bool>(), after["weChatOpenId"]!.GetValue<string>()));
        // The stored time may be rounded by the database (microseconds on PostgreSQL); everything else is the same.
        body!.AsObject().Remove("updatedAt");
        after.AsObject().Remove("updatedAt");
        Assert.Equal(body.ToJsonString(), after.ToJsonString());
        Assert.Equal(403, byCrew);
        Assert.Equal(404, unknown);
    }

    [Fact]
    public async Task Notifications_ListedBySubjectAndCustomer_WithinScope_QueryFieldsChecked()
    {
        var agent = await factory.ClientForAsync("agent");
        var customers = await factory.CustomersWithPhoneAsync(3, skip: 40);
        await factory.EnqueueAsync(new NotificationRequest(
            "t:api:1", NotificationTemplates.OutageCancelled, customers, new Dictionary<string, string> { ["area"] = "东街", ["start"] = "12月3日 08:00" }, SubjectType: "outage", SubjectId: "api-1"));

        var bySubject = await agent.GetJsonAsync("/api/v1/notifications?subjectType=outage&subjectId=api-1");
        var byCustomer = await agent.GetJsonAsync($"/api/v1/notifications?customerId={customers[0]}");
        var (none, noneBody, _) = await agent.SendAsync(HttpMethod.Get, "/api/v1/notifications");
        var (half, halfBody, _) = await agent.SendAsync(HttpMethod.Get, "/api/v1/notifications?subjectType=outage");
        var document = await factory.AnonymousClient().GetJsonAsync("/openapi/v1.json");

        Assert.Equal(3, bySubject.AsArray().Count);
        Assert.Equal(customers.Order(), bySubject.AsArray().Select(d => d!["customerId"]!.GetValue<long>()).Order());
        Assert.All(bySubject.AsArray(), d => Assert.Equal(("Sms", "t:api:1"), (d!["channel"]!.GetValue<string>(), d["eventKey"]!.GetValue<string>())));
        Assert.Contains(byCustomer.AsArray(), d => d!["eventKey"]!.GetValue<string>() == "t:api:1");
        Assert.Equal((400, 400), (none, half));
        Assert.NotNull(noneBody!["errors"]!["customerId"]);
        Assert.NotNull(halfBody!["errors"]!["subjectId"]);
        Assert.NotNull(document["paths"]!["/api/v1/notifications"]);
        Assert.NotNull(document["paths"]!["/api/v1/customers/{id}/notification-preferences"]);
    }
}

public sealed class SqliteNotificationApiTests(SqliteFactory factory) : NotificationApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresNotificationApiTests(PostgresFactory factory) : NotificationApiTests(factory), IClassFixture<PostgresFactory>;
