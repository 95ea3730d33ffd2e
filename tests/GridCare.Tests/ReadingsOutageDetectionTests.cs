using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridCare.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Tests;

/// <summary>
/// Outage detection from interval readings (issue #5, outage evidence): a transformer whose meters stopped reporting
/// opens an outage on that transformer, events and readings of the same cut make one outage, and late readings do
/// not re-open a restored one. Each test first moves the clock three hours on, so its readings window is its own.
/// </summary>
public abstract class ReadingsOutageDetectionTests(GridCareFactory factory, FakeTimeProvider clock)
{
    private static readonly TimeSpan Slot = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task Readings_alone_open_an_outage_on_the_dark_transformer_and_late_readings_do_not_reopen_it()
    {
        clock.Advance(TimeSpan.FromHours(3));
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var branch = (await DemoNetwork.BranchesAsync(factory))[0];
        var dark = branch.ByTransformer[0];
        var darkCode = await OutageRuns.CodeOfAsync(factory, dark[0].TransformerId);
        var litCode = await OutageRuns.CodeOfAsync(factory, branch.ByTransformer[1][0].TransformerId);
        await WriteReadingsAsync([.. dark.Select(c => c.MeterNumber)]);

        var scanned = await OutageRuns.DetectFromReadingsAsync(factory);
        clock.Advance(TimeSpan.FromSeconds(45));
        var detected = await OutageRuns.DetectAsync(factory);
        var outage = Assert.Single(await OutagesOnAsync(dispatcher, darkCode));
        var again = await OutageRuns.DetectFromReadingsAsync(factory);

        Assert.Equal((1, 1), (scanned.DarkTransformers, scanned.Signals));
        Assert.Equal(1, detected.Outages);
        Assert.Equal(("Active", "MeterReadings"), (outage["status"]!.GetValue<string>(), outage["source"]!.GetValue<string>()));
        Assert.Equal(dark.Count, outage["customerCount"]!.GetValue<int>());
        Assert.Empty(await OutagesOnAsync(dispatcher, litCode));
        Assert.Empty(await OutagesOnAsync(dispatcher, branch.Code));
        Assert.Equal(0, again.Signals);

        // Last gasps arriving after the readings confirm the known outage instead of opening another.
        await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/meter-events", Events(dark.Select(c => (c.MeterNumber, "powerOff")), clock.GetUtcNow().AddMinutes(-40)));
        clock.Advance(TimeSpan.FromSeconds(45));
        var linked = await OutageRuns.DetectAsync(factory);
        Assert.Equal((0, dark.Count), (linked.Outages, linked.Linked));

        // Power back: the outage is restored; the same readings (still dark at the latest slot) are older than that.
        var (status, _, _) = await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/meter-events", Events(dark.Select(c => (c.MeterNumber, "powerOn")), clock.GetUtcNow()));
        var restored = await dispatcher.GetJsonAsync($"/api/v1/outages/{outage["number"]!.GetValue<string>()}");
        clock.Advance(TimeSpan.FromMinutes(1));
        var late = await OutageRuns.DetectFromReadingsAsync(factory);
        clock.Advance(TimeSpan.FromSeconds(45));
        await OutageRuns.DetectAsync(factory);

        Assert.Equal(202, status);
        Assert.Equal("Restored", restored["outage"]!["status"]!.GetValue<string>());
        Assert.Equal((1, 0), (late.DarkTransformers, late.Signals));
        Assert.Empty(await OutagesOnAsync(dispatcher, darkCode));
    }

    [Fact]
    public async Task Events_and_readings_of_the_same_cut_make_one_outage()
    {
        clock.Advance(TimeSpan.FromHours(3));
        var dispatcher = await factory.ClientForAsync("dispatcher");
        var branch = (await DemoNetwork.BranchesAsync(factory))[1];
        var dark = branch.ByTransformer[0];
        var darkCode = await OutageRuns.CodeOfAsync(factory, dark[0].TransformerId);
        await WriteReadingsAsync([.. dark.Select(c => c.MeterNumber)]);

        await dispatcher.SendAsync(HttpMethod.Post, "/api/v1/meter-events", Events(dark.Select(c => (c.MeterNumber, "powerOff")), clock.GetUtcNow().AddMinutes(-40)));
        var scanned = await OutageRuns.DetectFromReadingsAsync(factory);
        clock.Advance(TimeSpan.FromSeconds(45));
        var detected = await OutageRuns.DetectAsync(factory);
        var rescanned = await OutageRuns.DetectFromReadingsAsync(factory);
        clock.Advance(TimeSpan.FromSeconds(45));
        var redetected = await OutageRuns.DetectAsync(factory);

        Assert.Equal(1, scanned.Signals);
        Assert.Equal(1, detected.Outages);
        var outage = Assert.Single(await OutagesOnAsync(dispatcher, darkCode));
        Assert.Equal(dark.Count, outage["customerCount"]!.GetValue<int>());
        Assert.Empty(await OutagesOnAsync(dispatcher, branch.Code));
        Assert.Equal((0, 0), (rescanned.Signals, redetected.Outages));
    }

    /// <summary>
    /// Eight 15-minute slots up to now for every meter of the demo area, except the last three slots of <paramref name="missing"/>.
    /// </summary>
    private async Task WriteReadingsAsync(IReadOnlyCollection<string> missing)
    {
        var (meters, _) = await MeterStoreData.CopyDirectoryAsync(factory);
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = new DateTime(now.Ticks - (now.Ticks % Slot.Ticks), DateTimeKind.Utc) - Slot;
        var off = missing.ToHashSet(StringComparer.Ordinal);
        await MeterStoreData.WriteAsync(factory, "readings", [
            .. meters.SelectMany(m => Enumerable.Range(0, 8)
                .Where(i => !(off.Contains(m.MeterNo) && i < 3))
                .Select(i => (m.MeterNo, latest - (i * Slot), 0.2, (double?)221.0))),
        ]);
    }

    private static JsonContent Events(IEnumerable<(string Device, string Type)> events, DateTimeOffset at)
    {
        var prefix = Guid.NewGuid().ToString("N")[..8];
        return ApiJson.Json(new
        {
            events = events.Select((e, i) => new { eventId = $"{prefix}-{i}", device = e.Device, type = e.Type, occurredAt = at.AddSeconds(i % 7) }).ToArray(),
        });
    }

    private static async Task<IReadOnlyList<JsonNode>> OutagesOnAsync(HttpClient client, string deviceCode) =>
        [.. (await client.GetJsonAsync("/api/v1/outages?kind=unplanned")).AsArray().Where(o => o!["device"]!["code"]!.GetValue<string>() == deviceCode).Select(o => o!)];
}

public sealed class SqliteReadingsOutageDetectionTests(SqliteClockFactory factory) : ReadingsOutageDetectionTests(factory, factory.Clock), IClassFixture<SqliteClockFactory>;

public sealed class PostgresReadingsOutageDetectionTests(PostgresClockFactory factory) : ReadingsOutageDetectionTests(factory, factory.Clock), IClassFixture<PostgresClockFactory>;
