using System.Text.Json.Nodes;
using GridCare.Features.Sla;
using GridCare.Features.WorkOrders;
using GridCare.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GridCare.Tests;

/// <summary>
/// Administrators edit SLA policies over the API. Each test keys its policies on a channel of its own, so the
/// policies one test adds never time the orders of another.
/// </summary>
public abstract class SlaPolicyAdminTests(GridCareFactory factory)
{
    [Fact]
    public async Task Policy_CreateReplaceDisable_SavesVersionsAndAuditsEachChange()
    {
        var admin = await factory.ClientForAsync("admin");

        var (created, body, _) = await admin.SendAsync(HttpMethod.Post, "/api/v1/sla/policies", ApiJson.Json(Policy("投诉（12398转办）", "Complaint, 12398", "transfer12398", replyDays: 3)));
        var id = body!["id"]!.GetValue<int>();
        var (replaced, replacedBody, _) = await admin.SendAsync(HttpMethod.Put, $"/api/v1/sla/policies/{id}", ApiJson.Json(Policy("投诉（12398转办）", "Complaint, 12398", "transfer12398", replyDays: 4, version: 1)));
        var (stale, staleBody, _) = await admin.SendAsync(HttpMethod.Put, $"/api/v1/sla/policies/{id}", ApiJson.Json(Policy("投诉（12398转办）", "Complaint, 12398", "transfer12398", replyDays: 2, version: 1)));
        var (disabled, disabledBody, _) = await admin.SendAsync(HttpMethod.Delete, $"/api/v1/sla/policies/{id}");
        var listed = (await admin.GetJsonAsync("/api/v1/sla/policies")).AsArray().Single(p => p!["id"]!.GetValue<int>() == id)!;
        var changes = (await admin.GetJsonAsync("/api/v1/sla/changes?take=500")).AsArray()
            .Where(c => c!["subject"]!.GetValue<string>() == "Policy" && c["subjectKey"]!.GetValue<string>() == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

        Assert.Equal(201, created);
        Assert.Equal(1, body["version"]!.GetValue<int>());
        Assert.Equal(2, body["specificity"]!.GetValue<int>());
        Assert.Equal("admin", body["updatedBy"]!.GetValue<string>());
        Assert.Equal(200, replaced);
        Assert.Equal(2, replacedBody!["version"]!.GetValue<int>());
        Assert.Equal(4, replacedBody["targets"]!.AsArray().Single(t => t!["kind"]!.GetValue<string>() == "Reply")!["amount"]!.GetValue<int>());
        Assert.Equal(409, stale);
        Assert.Equal(2, staleBody!["currentVersion"]!.GetValue<int>());
        Assert.Equal(200, disabled);
        Assert.False(disabledBody!["enabled"]!.GetValue<bool>());
        Assert.False(listed["enabled"]!.GetValue<bool>());

        Assert.Equal(["Disabled", "Updated", "Created"], changes.Select(c => c!["action"]!.GetValue<string>()));
        Assert.All(changes, c => Assert.Equal("admin", c!["actor"]!.GetValue<string>()));
        Assert.Null(changes[2]!["before"]);
        Assert.Contains("\"amount\":3", changes[1]!["before"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("\"amount\":4", changes[1]!["after"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("投诉（12398转办）", changes[0]!["after"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policy_InvalidRequest_Returns400NamingEachField()
    {
        var admin = await factory.ClientForAsync("admin");

        var (status, body, _) = await admin.SendAsync(HttpMethod.Post, "/api/v1/sla/policies", ApiJson.Json(new
        {
            name = "",
            englishName = "Broken",
            condition = new { type = "outage", complaintClass = "service" },
            targets = new object[]
            {
                new { kind = "arrival", clock = "hours", amount = 0 },
                new { kind = "arrival", clock = "wallClock", amount = 30, startsAt = "arrived" },
            },
        }));
        var (duplicate, duplicateBody, _) = await admin.SendAsync(HttpMethod.Post, "/api/v1/sla/policies", ApiJson.Json(new
        {
            name = "投诉二",
            englishName = "Complaint again",
            condition = new { type = "complaint" },
            targets = new[] { new { kind = "reply", clock = "workingDays", amount = 3 } },
        }));
        var seeded = (await admin.GetJsonAsync("/api/v1/sla/policies")).AsArray().First()!;
        var (noVersion, noVersionBody, _) = await admin.SendAsync(HttpMethod.Put, $"/api/v1/sla/policies/{seeded["id"]}", ApiJson.Json(new
        {
            name = seeded["name"]!.GetValue<string>(),
            englishName = seeded["englishName"]!.GetValue<string>(),
            targets = new[] { new { kind = "reply", clock = "workingDays", amount = 3 } },
        }));
        var (missing, _, _) = await admin.SendAsync(HttpMethod.Put, "/api/v1/sla/policies/999999", ApiJson.Json(Policy("无", "None", "sms", 1, version: 1)));

        Assert.Equal(400, status);
        Assert.Equal(
            ["condition.complaintClass", "condition.type", "name", "targets[0].amount", "targets[0].clock", "targets[1].kind", "targets[1].startsAt"],
            body!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(400, duplicate);
        Assert.Contains("Complaint", duplicateBody!["errors"]!["condition"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(400, noVersion);
        Assert.NotNull(noVersionBody!["errors"]!["version"]);
        Assert.Equal(404, missing);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("dispatcher")]
    [InlineData("manager")]
    public async Task Policies_NonAdministrator_IsForbidden(string user)
    {
        var client = await factory.ClientForAsync(user);

        var (list, _, _) = await client.SendAsync(HttpMethod.Get, "/api/v1/sla/policies");
        var (create, _, _) = await client.SendAsync(HttpMethod.Post, "/api/v1/sla/policies", ApiJson.Json(Policy("短信投诉", "Complaint, SMS", "sms", 3)));
        var (replace, _, _) = await client.SendAsync(HttpMethod.Put, "/api/v1/sla/policies/1", ApiJson.Json(Policy("短信投诉", "Complaint, SMS", "sms", 3, version: 1)));
        var (disable, _, _) = await client.SendAsync(HttpMethod.Delete, "/api/v1/sla/policies/1");
        var (changes, _, _) = await client.SendAsync(HttpMethod.Get, "/api/v1/sla/changes");
        var (anonymous, _, _) = await factory.AnonymousClient().SendAsync(HttpMethod.Post, "/api/v1/sla/policies", ApiJson.Json(Policy("短信投诉", "Complaint, SMS", "sms", 3)));
        var admin = await factory.ClientForAsync("admin");
        var stillOne = (await admin.GetJsonAsync("/api/v1/sla/policies")).AsArray().Single(p => p!["id"]!.GetValue<int>() == 1)!;

        Assert.Equal([403, 403, 403, 403, 403], [list, create, replace, disable, changes]);
        Assert.Equal(401, anonymous);
        Assert.True(stillOne["enabled"]!.GetValue<bool>());
        Assert.DoesNotContain((await admin.GetJsonAsync("/api/v1/sla/policies")).AsArray(), p => p!["englishName"]!.GetValue<string>() == "Complaint, SMS");
    }

    [Fact]
    public async Task PolicyEdit_TimesNewOrdersByItAndRetimesTheOpenOnes()
    {
        var admin = await factory.ClientForAsync("admin");
        var agent = await factory.ClientForAsync("agent");

        // Tuesday 2026-12-01 10:00 at the counter: the complaint policy gives first contact by 12-02 17:30.
        var before = await ComplaintAsync(agent, "counter", nth: 30);
        var (status, _, _) = await admin.SendAsync(HttpMethod.Post, "/api/v1/sla/policies", ApiJson.Json(new
        {
            name = "投诉（营业厅）",
            englishName = "Complaint, counter",
            order = 50,
            condition = new { type = "complaint", channel = "counter" },
            targets = new object[]
            {
                new { kind = "firstContact", clock = "wallClock", amount = 240 },
                new { kind = "reply", clock = "workingDays", amount = 3 },
            },
        }));
        var after = await ComplaintAsync(agent, "counter", nth: 31);
        var retimed = await RetimeAsync();
        var open = await agent.GetJsonAsync($"/api/v1/work-orders/{before["number"]}");

        Assert.Equal(201, status);
        Assert.Equal("投诉", before["sla"]!["policy"]!.GetValue<string>());
        Assert.Equal(Utc(2026, 12, 2, 9, 30), Due(before, "firstContactDueAt"));

        // A new order takes the new policy: 4 hours on the wall clock, three working days for the reply.
        Assert.Equal("投诉（营业厅）", after["sla"]!["policy"]!.GetValue<string>());
        Assert.Equal(Utc(2026, 12, 1, 6, 0), Due(after, "firstContactDueAt"));
        Assert.Equal(Utc(2026, 12, 4, 9, 30), Due(after, "replyDueAt"));

        // The open one is re-timed, and its history names the change.
        Assert.True(retimed >= 1);
        Assert.Equal("投诉（营业厅）", open["order"]!["sla"]!["policy"]!.GetValue<string>());
        Assert.Equal(Utc(2026, 12, 1, 6, 0), Due(open["order"]!, "firstContactDueAt"));
        Assert.Equal(Utc(2026, 12, 4, 9, 30), Due(open["order"]!, "replyDueAt"));
        var row = Assert.Single(open["history"]!.AsArray(), h => h!["action"]!.GetValue<string>() == "RetimeSla");
        Assert.Equal("system", row!["actor"]!.GetValue<string>());
        Assert.Contains("SLA policy 投诉 → 投诉（营业厅）", row["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await RetimeAsync());
    }

    [Fact]
    public async Task PolicyEdit_InOneInstance_IsUsedByASecondInstanceOnTheSameDatabase()
    {
        var admin = await factory.ClientForAsync("admin");
        await using var second = factory.SecondInstance();
        var agentOnSecond = await second.ClientForAsync("agent");
        var secondSettings = second.Services.GetRequiredService<SlaSettings>();
        var revisionBefore = secondSettings.Revision;

        var (status, _, _) = await admin.SendAsync(HttpMethod.Post, "/api/v1/sla/policies", ApiJson.Json(Policy("投诉（邮件）", "Complaint, email", "email", replyDays: 2)));

        // What the second instance's watcher does every few seconds: one look at the revision, a reload if it moved.
        await secondSettings.RefreshAsync(TestContext.Current.CancellationToken);
        var order = await ComplaintAsync(agentOnSecond, "email", nth: 32);

        Assert.Equal(201, status);
        Assert.True(secondSettings.Revision > revisionBefore);
        Assert.Equal(factory.Services.GetRequiredService<SlaSettings>().Revision, secondSettings.Revision);
        Assert.Equal("投诉（邮件）", order["sla"]!["policy"]!.GetValue<string>());
        Assert.Equal(Utc(2026, 12, 3, 9, 30), Due(order, "replyDueAt"));
    }

    private static object Policy(string name, string englishName, string channel, int replyDays, int? version = null) => new
    {
        name,
        englishName,
        order = 60,
        condition = new { type = "complaint", channel },
        targets = new[] { new { kind = "reply", clock = "workingDays", amount = replyDays } },
        version,
    };

    /// <summary>A service complaint through <paramref name="channel"/>, received Tuesday 2026-12-01 10:00 CST; answers the order summary.</summary>
    private static async Task<JsonNode> ComplaintAsync(HttpClient agent, string channel, int nth)
    {
        var customer = await IntakeTests.CustomerAsync(agent, "012", nth);
        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel,
            externalId = Guid.NewGuid().ToString("N"),
            accountNumber = customer["accountNumber"]!.GetValue<string>(),
            text = "营业厅排队两个小时没人管",
            type = "complaint",
            complaintClass = "service",
            occurredAt = "2026-12-01T10:00:00+08:00",
        }));
        Assert.Equal(201, status);
        return body!["order"]!;
    }

    private async Task<int> RetimeAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetimeOpenOrders>().RunOnceAsync(TestContext.Current.CancellationToken);
    }

    private static DateTime Due(JsonNode order, string field) => order["sla"]![field]!.GetValue<DateTime>().ToUniversalTime();

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}

public sealed class SqliteSlaPolicyAdminTests(SqliteFactory factory) : SlaPolicyAdminTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresSlaPolicyAdminTests(PostgresFactory factory) : SlaPolicyAdminTests(factory), IClassFixture<PostgresFactory>;
