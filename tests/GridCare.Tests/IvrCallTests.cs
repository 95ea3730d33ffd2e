using System.Net;
using GridCare.Domain.Ivr;
using GridCare.Domain.Sla;
using GridCare.Platform.Database;
using GridCare.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static GridCare.Tests.Infrastructure.IvrCallers;

namespace GridCare.Tests;

public abstract class IvrCallTests(GridCareFactory factory, FakeTimeProvider clock)
{
    [Fact]
    public async Task SameCallIdTwice_StoresOneCall_AndAnswersWithTheFirstRecord()
    {
        var ivr = await factory.ClientForAsync("agent");
        var callId = "call-" + Guid.NewGuid().ToString("N");
        var call = new { callId, phone = NewPhone(), said = "您好，您的户号目前供电正常。", resolvedInSelfService = true };

        var (first, firstBody, _) = await ivr.SendAsync(HttpMethod.Post, "/api/v1/ivr/calls", ApiJson.Json(call));
        var (again, againBody, _) = await ivr.SendAsync(HttpMethod.Post, "/api/v1/ivr/calls", ApiJson.Json(call with { resolvedInSelfService = false }));

        Assert.Equal((201, 200), (first, again));
        Assert.Equal(firstBody!.ToJsonString(), againBody!.ToJsonString());
        Assert.True(againBody["resolvedInSelfService"]!.GetValue<bool>());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Set<IvrCall>().CountAsync(c => c.CallId == callId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task BadCallRecordOrReportQuery_IsAProblemNamingTheField()
    {
        var ivr = await factory.ClientForAsync("agent");
        var manager = await factory.ClientForAsync("manager");

        var (missing, missingBody, contentType) = await ivr.SendAsync(HttpMethod.Post, "/api/v1/ivr/calls", ApiJson.Json(new { phone = "12" }));
        var (_, future, _) = await ivr.SendAsync(HttpMethod.Post, "/api/v1/ivr/calls", ApiJson.Json(new
        {
            callId = "call-" + Guid.NewGuid().ToString("N"),
            phone = NewPhone(),
            resolvedInSelfService = true,
            occurredAt = clock.GetUtcNow().AddDays(1),
        }));
        var (badDate, badDateBody, _) = await manager.SendAsync(HttpMethod.Get, "/api/v1/ivr/self-service?from=27.11.2026");
        var (_, backwards, _) = await manager.SendAsync(HttpMethod.Get, "/api/v1/ivr/self-service?from=2026-11-20&to=2026-11-01");

        Assert.Equal((400, "application/problem+json"), (missing, contentType));
        Assert.Equal(["callId", "phone", "resolvedInSelfService"], missingBody!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["occurredAt"], future!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(400, badDate);
        Assert.Equal(["from"], badDateBody!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(["to"], backwards!["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task SelfServiceShare_OnHandMadeCalls_IsCountedPerDayAndUnit_WithinTheCallersUnits()
    {
        var ivr = await factory.ClientForAsync("agent");
        var caller = new IvrCaller(NewAccount(), NewPhone());
        await ImportAsync(factory, Header + "\n" + Row(caller, await TransformerCodeAsync(factory, 2)));
        var station = (await LookupAsync(ivr, new { phone = caller.Phone })).Body!["orgUnitId"]!.GetValue<int>();
        var county = await CountyAsync();
        var day1 = clock.GetUtcNow().AddDays(-10);
        var day2 = day1.AddDays(1);

        // Day 1: three callers the IVR could not identify (counted at the IVR account's county), two resolved.
        // Day 2: the identified caller twice (counted at their station), once resolved.
        var calls = new (DateTimeOffset At, string Phone, bool Resolved)[]
        {
            (day1, NewPhone(), true), (day1.AddHours(1), NewPhone(), true), (day1.AddHours(2), NewPhone(), false),
            (day2, caller.Phone, true), (day2.AddHours(3), caller.Phone, false),
        };
        foreach (var (at, phone, resolved) in calls)
        {
            var (status, _, _) = await ivr.SendAsync(HttpMethod.Post, "/api/v1/ivr/calls", ApiJson.Json(new
            {
                callId = "call-" + Guid.NewGuid().ToString("N"),
                phone,
                resolvedInSelfService = resolved,
                occurredAt = at,
            }));
            Assert.Equal(201, status);
        }

        var (from, to) = (Day(day1), Day(day2));
        var manager = await (await factory.ClientForAsync("manager")).GetJsonAsync($"/api/v1/ivr/self-service?from={from}&to={to}");
        var analyst = await (await factory.ClientForAsync("analyst")).GetJsonAsync($"/api/v1/ivr/self-service?from={from}&to={to}&orgUnitId={county}");
        var stationOnly = await (await factory.ClientForAsync("manager")).GetJsonAsync($"/api/v1/ivr/self-service?from={from}&to={to}&orgUnitId={station}");

        Assert.Equal((county, 5, 3, 0.6), (manager["orgUnitId"]!.GetValue<int>(), manager["calls"]!.GetValue<int>(), manager["resolved"]!.GetValue<int>(), manager["share"]!.GetValue<double>()));
        Assert.Equal(
            [(from, 3, 2, 0.6667), (to, 2, 1, 0.5)],
            manager["days"]!.AsArray().Select(d => (d!["date"]!.GetValue<string>(), d["calls"]!.GetValue<int>(), d["resolved"]!.GetValue<int>(), d["share"]!.GetValue<double>())));
        Assert.Equal(
            [(county, 3, 2), (station, 2, 1)],
            manager["orgUnits"]!.AsArray().Select(u => (u!["orgUnitId"]!.GetValue<int>(), u["calls"]!.GetValue<int>(), u["resolved"]!.GetValue<int>())));
        Assert.Equal(manager["days"]!.ToJsonString(), analyst["days"]!.ToJsonString());
        Assert.Equal((2, 1, 0.5), (stationOnly["calls"]!.GetValue<int>(), stationOnly["resolved"]!.GetValue<int>(), stationOnly["share"]!.GetValue<double>()));
    }

    [Fact]
    public async Task CrewAgentsAndCustomers_MayNotReadTheReport_CrewAndManagers_MayNotLookCallersUp()
    {
        var crew = await factory.ClientForAsync("crew");
        var agent = await factory.ClientForAsync("agent");
        var manager = await factory.ClientForAsync("manager");
        var (account, phone) = await PortalForms.CustomerAsync(agent, 2);
        var portal = factory.AnonymousClient();
        var code = await PortalSignInTests.RequestDemoCodeAsync(portal, phone);
        using var signIn = await PortalSignInTests.VerifyAsync(portal, phone, code);

        var (crewReport, _, _) = await crew.SendAsync(HttpMethod.Get, "/api/v1/ivr/self-service");
        var (agentReport, _, _) = await agent.SendAsync(HttpMethod.Get, "/api/v1/ivr/self-service");
        var (customerReport, _, _) = await portal.SendAsync(HttpMethod.Get, "/api/v1/ivr/self-service");
        var (anonymousLookup, _) = await LookupAsync(factory.AnonymousClient(), new { phone, accountNumber = account });
        var (crewLookup, _) = await LookupAsync(crew, new { phone });
        var (managerLookup, _) = await LookupAsync(manager, new { phone });
        var (managerReport, _, _) = await manager.SendAsync(HttpMethod.Get, "/api/v1/ivr/self-service");
        var (foreignUnit, _, _) = await manager.SendAsync(HttpMethod.Get, $"/api/v1/ivr/self-service?orgUnitId={await CityAsync()}");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal((403, 403, 401), (crewReport, agentReport, customerReport));
        Assert.Equal((401, 403, 403), (anonymousLookup, crewLookup, managerLookup));
        Assert.Equal((200, 404), (managerReport, foreignUnit));
    }

    private static string Day(DateTimeOffset at) => ChinaTime.DateOf(at.UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<int> CountyAsync() => await UnitAsync("agent");

    private async Task<int> CityAsync() => await UnitAsync("admin");

    private async Task<int> UnitAsync(string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.OrgUnitId).SingleAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class SqliteIvrCallTests(SqliteClockFactory factory) : IvrCallTests(factory, factory.Clock), IClassFixture<SqliteClockFactory>;

public sealed class PostgresIvrCallTests(PostgresClockFactory factory) : IvrCallTests(factory, factory.Clock), IClassFixture<PostgresClockFactory>;
