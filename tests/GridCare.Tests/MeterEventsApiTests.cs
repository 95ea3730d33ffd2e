using GridCare.Analytics.MeterData;
using GridCare.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Tests;

/// <summary>
/// <c>POST /api/v1/meter-events</c> into the meter store as well as outage management, and
/// <c>GET /api/v1/meters/{meterNo}/events</c> with its roles and org units.
/// </summary>
public abstract class MeterEventsApiTests(GridCareFactory factory, FakeTimeProvider clock)
{
    [Fact]
    public async Task Posted_events_land_in_the_store_once_and_a_bad_item_rejects_the_batch_by_name()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var meters = (await DemoNetwork.BranchesAsync(factory))[0].Customers.Select(c => c.MeterNumber).Take(3).ToList();
        var at = clock.GetUtcNow().AddHours(-1);
        var batch = Events([(meters[0], "powerOff"), (meters[0], "coverOpen"), (meters[1], "reverse_flow")], at, "store");

        var (status, first, _) = await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/meter-events", batch);
        var (_, retry, _) = await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/meter-events", Events([(meters[0], "powerOff"), (meters[0], "coverOpen"), (meters[1], "reverse_flow")], at, "store"));
        var (badStatus, bad, _) = await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/meter-events", Events([(meters[2], "coverOpen"), (meters[2], "meltdown")], at, "bad"));

        Assert.Equal(202, status);
        Assert.Equal((1, 3L), (first!["accepted"]!.GetValue<int>(), first["storedEvents"]!.GetValue<long>()));
        Assert.Equal((0, 1, 0L), (retry!["accepted"]!.GetValue<int>(), retry["duplicates"]!.GetValue<int>(), retry["storedEvents"]!.GetValue<long>()));
        Assert.Equal(3, await StoreCountAsync($"device_code IN ('{meters[0]}', '{meters[1]}')"));
        Assert.Equal(1, await StoreCountAsync($"device_code = '{meters[1]}' AND kind = 'reverseFlow'"));
        Assert.Equal(400, badStatus);
        Assert.Equal(["events[1].type"], bad!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(0, await StoreCountAsync($"device_code = '{meters[2]}'"));
    }

    [Fact]
    public async Task A_meters_events_are_read_by_its_units_readers_only()
    {
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var units = await HotTransformerWeek.UnitsAsync(factory);
        var (meters, _) = await MeterStoreData.CopyDirectoryAsync(factory);
        var taken = (await DemoNetwork.BranchesAsync(factory))[0].Customers.Select(c => c.MeterNumber).ToHashSet(StringComparer.Ordinal);
        var meter = meters.Where(m => m.OrgUnitId == units["GZBJ0102"] && !taken.Contains(m.MeterNo)).OrderBy(m => m.MeterNo, StringComparer.Ordinal).Last().MeterNo;
        var at = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date.AddDays(-2).AddHours(3), TimeSpan.Zero);
        await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/meter-events", Events([(meter, "coverOpen"), (meter, "powerOff"), (meter, "powerOn")], at, "read"));
        await StaffAccounts.StationManagerAsync(factory, "events-near-manager", units["GZBJ0102"]);
        await StaffAccounts.StationManagerAsync(factory, "events-far-manager", units["GZBJ0103"]);
        using var agent = await factory.ClientForAsync("agent");
        using var near = await factory.ClientForAsync("events-near-manager");
        using var far = await factory.ClientForAsync("events-far-manager");
        using var crew = await factory.ClientForAsync("crew");

        var read = await agent.GetJsonAsync($"/api/v1/meters/{meter}/events");
        var station = await near.GetJsonAsync($"/api/v1/meters/{meter}/events?from={at.AddHours(8):yyyy-MM-dd}&to={at.AddHours(8):yyyy-MM-dd}");

        Assert.Equal(["powerOn", "powerOff", "coverOpen"], read["events"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
        Assert.Equal(1, read["counts"]!["coverOpen"]!.GetValue<int>());
        Assert.Equal(3, station["events"]!.AsArray().Count);
        Assert.Equal(404, (await far.SendAsync(HttpMethod.Get, $"/api/v1/meters/{meter}/events")).Status);
        Assert.Equal(403, (await crew.SendAsync(HttpMethod.Get, $"/api/v1/meters/{meter}/events")).Status);
        Assert.Equal(404, (await agent.SendAsync(HttpMethod.Get, "/api/v1/meters/NO-SUCH-METER/events")).Status);
        var (badStatus, bad, _) = await agent.SendAsync(HttpMethod.Get, $"/api/v1/meters/{meter}/events?from=2026-13-01");
        Assert.Equal(400, badStatus);
        Assert.NotNull(bad!["errors"]!["from"]);
    }

    private async Task<long> StoreCountAsync(string where)
    {
        await using var connection = await factory.Services.GetRequiredService<MeterStore>().OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM meter_events WHERE {where}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static System.Net.Http.Json.JsonContent Events(IEnumerable<(string Device, string Type)> events, DateTimeOffset at, string prefix) =>
        ApiJson.Json(new
        {
            events = events.Select((e, i) => new { eventId = $"{prefix}-{i}", device = e.Device, type = e.Type, occurredAt = at.AddMinutes(i) }).ToArray(),
        });
}

public sealed class SqliteMeterEventsApiTests(SqliteClockFactory factory) : MeterEventsApiTests(factory, factory.Clock), IClassFixture<SqliteClockFactory>;

public sealed class PostgresMeterEventsApiTests(PostgresClockFactory factory) : MeterEventsApiTests(factory, factory.Clock), IClassFixture<PostgresClockFactory>;
