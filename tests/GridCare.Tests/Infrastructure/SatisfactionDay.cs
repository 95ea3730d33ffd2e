using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridCare.Features.Demo;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Tests.Infrastructure;

/// <summary>
/// One working day of orders, taken in and handled through the API on the fake clock, for the satisfaction
/// indicators: Tuesday 1 December 2026, China time, at two supply stations of the county.
/// <list type="bullet">
/// <item>Station A (GZBJ0102): repair R1 (arrived 10 min, resolved 60 min later, revisit satisfied); repair R2 (the
/// customer calls again at 09:30, crew arrives after 5 h — late — resolved 10 min later, revisit fairly satisfied);
/// complaint C1 about supply quality (customer-visible note after 1 h, resolved 14:20, revisit neutral).</item>
/// <item>Station B (GZBJ0103): complaint C2 about service, never touched; repair R3 (arrived 30 min, resolved 20 min
/// later, revisit neutral).</item>
/// </list>
/// The clock then stands at Friday 4 December 09:00, when C2's first contact (1 working day) is overdue and its reply
/// (5 working days, due 8 December) still running.
/// </summary>
public sealed class SatisfactionDay(GridCareFactory factory, FakeTimeProvider clock)
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly Lock gate = new();

    private Task<Dictionary<string, string>>? played;

    public int StationA { get; private set; }

    public int StationB { get; private set; }

    public int County { get; private set; }

    /// <summary>The order numbers by name (R1, R2, R3, C1, C2); the day is played once per host.</summary>
    public async Task<IReadOnlyDictionary<string, string>> PlayAsync()
    {
        lock (gate)
        {
            played ??= PlayOnceAsync();
        }

        return await played;
    }

    /// <summary>A client with a token issued now: the cached ones may have expired while the clock moved days on.</summary>
    public async Task<HttpClient> ClientAsync(string userName)
    {
        factory.EnsureAvailable();
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password = DemoAccounts.Password }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<int> CustomersOfAsync(params int[] units)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tree = await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToListAsync(TestContext.Current.CancellationToken);
        var below = units.ToHashSet();
        for (var added = true; added;)
        {
            added = false;
            foreach (var u in tree.Where(u => u.ParentId is { } p && below.Contains(p) && !below.Contains(u.Id)))
            {
                added = below.Add(u.Id);
            }
        }

        return await db.Customers.CountAsync(c => below.Contains(c.OrgUnitId), TestContext.Current.CancellationToken);
    }

    private async Task<Dictionary<string, string>> PlayOnceAsync()
    {
        clock.SetUtcNow(Start.ToUniversalTime());
        var (a, b) = await AccountsAsync();
        using var agent = await ClientAsync("agent");
        using var dispatcher = await ClientAsync("dispatcher");
        var n = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["R1"] = await ContactAsync(agent, a[0], "repair", null),
            ["R2"] = await ContactAsync(agent, a[1], "repair", null),
            ["C1"] = await ContactAsync(agent, a[2], "complaint", "supplyQuality"),
            ["C2"] = await ContactAsync(agent, b[0], "complaint", "service"),
            ["R3"] = await ContactAsync(agent, b[1], "repair", null),
        };
        At(5);
        foreach (var name in new[] { "R1", "R2", "C1", "R3" })
        {
            await ActAsync(dispatcher, n[name], "accept");
        }

        At(10);
        await ActAsync(dispatcher, n["R1"], "arrive");
        At(30);
        Assert.Equal(n["R2"], await ContactAsync(agent, a[1], "repair", null));
        await ActAsync(dispatcher, n["R3"], "arrive");
        At(50);
        await ActAsync(dispatcher, n["R3"], "resolve", Resolution);
        At(60);
        await ActAsync(agent, n["C1"], "note", new { text = "已联系客户，正在核查电压", customerVisible = true });
        At(70);
        await ActAsync(dispatcher, n["R1"], "resolve", Resolution);
        At(300);
        await ActAsync(dispatcher, n["R2"], "arrive");
        At(310);
        await ActAsync(dispatcher, n["R2"], "resolve", Resolution);
        At(320);
        await ActAsync(dispatcher, n["C1"], "resolve", Resolution);
        At(360);
        foreach (var (name, result) in new[] { ("R1", "satisfied"), ("R2", "fairlySatisfied"), ("C1", "neutral"), ("R3", "neutral") })
        {
            var tasks = await agent.GetJsonAsync("/api/v1/revisits?status=open&pageSize=200");
            var id = tasks["items"]!.AsArray().Single(t => t!["orderNumber"]!.GetValue<string>() == n[name])!["id"]!.GetValue<long>();
            var (status, body, _) = await agent.SendAsync(HttpMethod.Post, $"/api/v1/revisits/{id}/answer", ApiJson.Json(new { result }));
            Assert.True(status == 200, body?.ToJsonString());
        }

        // The IVR settles two of three calls on its own (R1's and C2's customers), not R2's customer's.
        foreach (var (account, resolved) in new[] { (a[0], true), (a[1], false), (b[0], true) })
        {
            var (status, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/ivr/calls", ApiJson.Json(new
            {
                callId = "satisfaction-" + account,
                phone = "13800000000",
                accountNumber = account,
                resolvedInSelfService = resolved,
            }));
            Assert.True(status == 201, body?.ToJsonString());
        }

        clock.SetUtcNow(Start.AddDays(3).ToUniversalTime());
        return n;
    }

    private static readonly object Resolution = new { causeCode = "handled", resolutionCode = "done" };

    private void At(int minutesAfterStart) => clock.SetUtcNow(Start.AddMinutes(minutesAfterStart).ToUniversalTime());

    private async Task<(List<string> A, List<string> B)> AccountsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        County = await db.OrgUnits.Where(u => u.Code == "GZBJ01").Select(u => u.Id).SingleAsync(ct);
        StationA = await db.OrgUnits.Where(u => u.Code == "GZBJ0102").Select(u => u.Id).SingleAsync(ct);
        StationB = await db.OrgUnits.Where(u => u.Code == "GZBJ0103").Select(u => u.Id).SingleAsync(ct);
        async Task<List<string>> Of(int unit) => await db.Customers.Where(c => c.OrgUnitId == unit && c.Category == Domain.Customers.CustomerCategory.Residential)
            .OrderBy(c => c.Id).Select(c => c.AccountNumber).Take(3).ToListAsync(ct);
        return (await Of(StationA), await Of(StationB));
    }

    private static async Task<string> ContactAsync(HttpClient agent, string account, string type, string? complaintClass)
    {
        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "hotline",
            externalId = "satisfaction-" + Guid.NewGuid().ToString("N"),
            accountNumber = account,
            text = type == "repair" ? "家里没电了" : "投诉：电压低、态度差",
            type,
            complaintClass,
        }));
        Assert.True(status is 200 or 201, body?.ToJsonString());
        return body!["order"]!["number"]!.GetValue<string>();
    }

    private static async Task ActAsync(HttpClient client, string number, string action, object? body = null)
    {
        var (status, json, _) = await client.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/{action}", ApiJson.Json(body ?? new { }));
        Assert.True(status == 200, $"{action} on {number} answered {status}: {json}");
    }
}
