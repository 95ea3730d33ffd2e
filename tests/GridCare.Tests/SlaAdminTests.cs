using System.Text.Json.Nodes;
using GridCare.Features.WorkOrders;
using GridCare.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GridCare.Tests;

public abstract class SlaAdminTests(GridCareFactory factory)
{
    [Fact]
    public async Task Calendar_AddingADayOfANewYear_CoversItMovesNewDeadlinesAndRetimesOpenOrders()
    {
        var admin = await factory.ClientForAsync("admin");
        var agent = await factory.ClientForAsync("agent");
        var customers = (await agent.GetJsonAsync("/api/v1/customers?q=011&pageSize=5"))["items"]!.AsArray();

        var before = await admin.GetJsonAsync("/api/v1/sla/calendar?year=2028");
        var (openNumber, dueBefore) = await ComplaintAsync(agent, customers[0]!);
        var (status, saved, _) = await admin.SendAsync(HttpMethod.Put, "/api/v1/sla/calendar/2028-01-03", ApiJson.Json(new { kind = "holiday", name = "元旦" }));
        var after = await admin.GetJsonAsync("/api/v1/sla/calendar?year=2028");
        var (_, dueAfter) = await ComplaintAsync(agent, customers[1]!);
        var retimed = await RetimeAsync();
        var open = await agent.GetJsonAsync($"/api/v1/work-orders/{openNumber}");

        Assert.False(before["covered"]!.GetValue<bool>());
        Assert.Empty(before["days"]!.AsArray());
        Assert.Equal(200, status);
        Assert.Equal("Edited", saved!["source"]!.GetValue<string>());
        Assert.True(after["covered"]!.GetValue<bool>());
        var day = Assert.Single(after["days"]!.AsArray());
        Assert.Equal("2028-01-03", day!["date"]!.GetValue<string>());
        Assert.Equal("Holiday", day["kind"]!.GetValue<string>());

        // Received Friday 2027-12-31: one working day is Monday 2028-01-03 until it is a day off, then Tuesday.
        Assert.Equal(new DateOnly(2028, 1, 3), ChinaDate(dueBefore));
        Assert.Equal(new DateOnly(2028, 1, 4), ChinaDate(dueAfter));

        // The order received before the edit is re-timed by the scanner's pass, and its history says so.
        Assert.True(retimed >= 1);
        Assert.Equal(new DateOnly(2028, 1, 4), ChinaDate(open["order"]!["sla"]!["firstContactDueAt"]!.GetValue<DateTime>().ToUniversalTime()));
        var row = Assert.Single(open["history"]!.AsArray(), h => h!["action"]!.GetValue<string>() == "RetimeSla");
        Assert.Equal("system", row!["actor"]!.GetValue<string>());
        Assert.Contains("FirstContact due", row["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendar_2027_IsShippedProvisionalWithTheFixedDateHolidays()
    {
        var admin = await factory.ClientForAsync("admin");

        var year = await admin.GetJsonAsync("/api/v1/sla/calendar?year=2027");

        Assert.False(year["covered"]!.GetValue<bool>());
        Assert.True(year["provisional"]!.GetValue<bool>());
        Assert.Equal(
            ["2027-01-01", "2027-05-01", "2027-05-02", "2027-10-01", "2027-10-02", "2027-10-03"],
            year["days"]!.AsArray().Select(d => d!["date"]!.GetValue<string>()));
        Assert.All(year["days"]!.AsArray(), d => Assert.True(d!["provisional"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Calendar_Edits_AreAuditedWithWhoAndWhat()
    {
        var admin = await factory.ClientForAsync("admin");

        await admin.SendAsync(HttpMethod.Put, "/api/v1/sla/calendar/2032-01-01", ApiJson.Json(new { kind = "holiday", name = "元旦" }));
        await admin.SendAsync(HttpMethod.Delete, "/api/v1/sla/calendar/2032-01-01");
        var changes = (await admin.GetJsonAsync("/api/v1/sla/changes?take=500")).AsArray()
            .Where(c => c!["subjectKey"]!.GetValue<string>() == "2032-01-01").ToList();

        Assert.Equal(["Removed", "Created"], changes.Select(c => c!["action"]!.GetValue<string>()));
        Assert.All(changes, c => Assert.Equal("admin", c!["actor"]!.GetValue<string>()));
        Assert.Equal("2032-01-01 holiday 元旦", changes[1]!["after"]!.GetValue<string>());
        Assert.True(changes[0]!["revision"]!.GetValue<int>() > changes[1]!["revision"]!.GetValue<int>());
    }

    [Fact]
    public async Task Calendar_ShippedYear_ListsTheNoticeAsShipped()
    {
        var admin = await factory.ClientForAsync("admin");

        var year = await admin.GetJsonAsync("/api/v1/sla/calendar?year=2026");

        Assert.True(year["covered"]!.GetValue<bool>());
        Assert.Contains(year["days"]!.AsArray(), d => d!["date"]!.GetValue<string>() == "2026-10-01" && d["source"]!.GetValue<string>() == "Shipped");
    }

    [Fact]
    public async Task Calendar_WeekdayMakeUpDayOrBadDate_Returns400NamingTheField()
    {
        var admin = await factory.ClientForAsync("admin");

        var (weekday, weekdayBody, _) = await admin.SendAsync(HttpMethod.Put, "/api/v1/sla/calendar/2028-01-05", ApiJson.Json(new { kind = "workday", name = "元旦" }));
        var (badDate, badDateBody, _) = await admin.SendAsync(HttpMethod.Put, "/api/v1/sla/calendar/2028-13-01", ApiJson.Json(new { kind = "holiday", name = "元旦" }));

        Assert.Equal(400, weekday);
        Assert.NotNull(weekdayBody!["errors"]!["kind"]);
        Assert.Equal(400, badDate);
        Assert.NotNull(badDateBody!["errors"]!["date"]);
    }

    [Fact]
    public async Task Calendar_Agent_IsForbidden()
    {
        var agent = await factory.ClientForAsync("agent");

        var (get, _, _) = await agent.SendAsync(HttpMethod.Get, "/api/v1/sla/calendar?year=2026");
        var (put, _, _) = await agent.SendAsync(HttpMethod.Put, "/api/v1/sla/calendar/2029-01-01", ApiJson.Json(new { kind = "holiday", name = "元旦" }));
        var (policies, _, _) = await agent.SendAsync(HttpMethod.Get, "/api/v1/sla/policies");
        var (anonymous, _, _) = await factory.AnonymousClient().SendAsync(HttpMethod.Get, "/api/v1/sla/policies");

        Assert.Equal(403, get);
        Assert.Equal(403, put);
        Assert.Equal(403, policies);
        Assert.Equal(401, anonymous);
    }

    [Fact]
    public async Task Import_WithABadLine_IsRejectedNamingTheLineAndStoresNothing()
    {
        var admin = await factory.ClientForAsync("admin");
        const string csv = "date,kind,name\n2030-01-01,holiday,元旦\n2030-02-05,dayoff,春节\n";

        var (status, body, _) = await admin.SendAsync(HttpMethod.Post, "/api/v1/sla/calendar/import", ApiJson.Csv(csv));
        var year = await admin.GetJsonAsync("/api/v1/sla/calendar?year=2030");

        Assert.Equal(422, status);
        var error = Assert.Single(body!["errors"]!.AsArray());
        Assert.Equal(3, error!["line"]!.GetValue<int>());
        Assert.Equal("kind", error["column"]!.GetValue<string>());
        Assert.False(year["covered"]!.GetValue<bool>());
        Assert.Empty(year["days"]!.AsArray());
    }

    [Fact]
    public async Task Import_ThenDelete_StoresTheYearAndRemovingADayRevertsIt()
    {
        var admin = await factory.ClientForAsync("admin");
        const string csv = "date,kind,name\n2031-01-01,holiday,元旦\n2031-01-04,workday,元旦\n";

        var (status, summary, _) = await admin.SendAsync(HttpMethod.Post, "/api/v1/sla/calendar/import", ApiJson.Csv(csv));
        var (deleted, _, _) = await admin.SendAsync(HttpMethod.Delete, "/api/v1/sla/calendar/2031-01-04");
        var (again, _, _) = await admin.SendAsync(HttpMethod.Delete, "/api/v1/sla/calendar/2031-01-04");
        var year = await admin.GetJsonAsync("/api/v1/sla/calendar?year=2031");

        Assert.Equal(200, status);
        Assert.Equal(2, summary!["created"]!.GetValue<int>());
        Assert.Equal(204, deleted);
        Assert.Equal(404, again);
        var day = Assert.Single(year["days"]!.AsArray());
        Assert.Equal("2031-01-01", day!["date"]!.GetValue<string>());
    }

    [Fact]
    public async Task Policies_ListTheSeededDefaultsMostSpecificFirst()
    {
        var admin = await factory.ClientForAsync("admin");

        var policies = (await admin.GetJsonAsync("/api/v1/sla/policies")).AsArray();

        Assert.Equal(
            ["Repair, urban", "Repair, rural", "Repair, remote", "Meter test", "Data anomaly check", "Reconnection after arrears",
             "Repair, area not yet known", "Complaint", "Report", "Other work orders (product default)"],
            policies.Select(p => p!["englishName"]!.GetValue<string>()));
        Assert.Equal([2, 2, 2, 2, 2, 2, 1, 1, 1, 0], policies.Select(p => p!["specificity"]!.GetValue<int>()));
        var complaint = policies[7]!;
        Assert.True(complaint["enabled"]!.GetValue<bool>());
        Assert.Equal("system", complaint["updatedBy"]!.GetValue<string>());
        Assert.Equal("Complaint", complaint["condition"]!["type"]!.GetValue<string>());
        Assert.Equal("FirstContact", complaint["targets"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal("WorkingDays", complaint["targets"]![0]!["clock"]!.GetValue<string>());
        Assert.Equal(1, complaint["targets"]![0]!["amount"]!.GetValue<int>());
        Assert.True(policies[^1]!["isFallback"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SettingsPage_ForAdmin_ShowsPoliciesAndTheCalendar()
    {
        var admin = await factory.ClientForAsync("admin");

        var (status, _, contentType) = await admin.SendAsync(HttpMethod.Get, "/admin/sla?culture=en-US");
        var html = System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/admin/sla?culture=en-US", UriKind.Relative), TestContext.Current.CancellationToken));

        Assert.Equal(200, status);
        Assert.Equal("text/html", contentType);
        Assert.Contains("SLA settings", html, StringComparison.Ordinal);
        Assert.Contains("Repair, urban", html, StringComparison.Ordinal);
        Assert.Contains("First contact: 1 working day(s)", html, StringComparison.Ordinal);
    }

    private static async Task<(string Number, DateTime FirstContactDue)> ComplaintAsync(HttpClient agent, JsonNode customer)
    {
        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "hotline",
            externalId = Guid.NewGuid().ToString("N"),
            accountNumber = customer["accountNumber"]!.GetValue<string>(),
            text = "抄表员态度很差",
            type = "complaint",
            complaintClass = "service",
            occurredAt = "2027-12-31T10:00:00+08:00",
        }));
        Assert.Equal(201, status);
        return (body!["order"]!["number"]!.GetValue<string>(), body["order"]!["sla"]!["firstContactDueAt"]!.GetValue<DateTime>().ToUniversalTime());
    }

    private async Task<int> RetimeAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetimeOpenOrders>().RunOnceAsync(TestContext.Current.CancellationToken);
    }

    private static DateOnly ChinaDate(DateTime utc) => DateOnly.FromDateTime(utc.AddHours(8));
}

public sealed class SqliteSlaAdminTests(SqliteFactory factory) : SlaAdminTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresSlaAdminTests(PostgresFactory factory) : SlaAdminTests(factory), IClassFixture<PostgresFactory>;
