using GridCare.Analytics.MeterData;
using GridCare.Analytics.MeterData.Analysis;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GridCare.Tests.Infrastructure.MeterStoreData;

namespace GridCare.Tests.Infrastructure;

/// <summary>
/// A week of hand-built readings (20–26 Nov 2026 China time) in the app's own meter store, analysed by the same use case
/// the worker runs. In station GZBJ0102, "hot" runs its meters at 50 % of rated kVA and at 120 % from 18:00 to 19:00
/// every day, its first meter (<see cref="Week.LowMeter"/>) at 190 V; "lossy" has a terminal reading 1.25 × its meters
/// (line loss 20 %). "far" is in station GZBJ0103. Written once per app: later calls only describe it.
/// </summary>
public static class HotTransformerWeek
{
    public static readonly DateOnly Day = new(2026, 11, 26);

    /// <summary>The week's devices: <c>Customer</c> is a customer of "hot" at a normal voltage, <c>LowMeterCustomer</c> the one at 190 V.</summary>
    public sealed record Week(string Hot, int HotMeters, string LowMeter, string Lossy, string Far, long Customer, double CustomerDailyKwh, long LowMeterCustomer);

    public static async Task<Week> EnsureAsync(GridCareFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        factory.EnsureAvailable();
        var (meters, transformers) = await CopyDirectoryAsync(factory);
        var units = await UnitsAsync(factory);
        var station = transformers.Where(t => t.OrgUnitId == units["GZBJ0102"] && meters.Count(m => m.TransformerCode == t.TransformerCode) >= 3).OrderBy(t => t.TransformerCode, StringComparer.Ordinal).ToList();
        var (hot, lossy) = (station[0], station[1]);
        var far = transformers.Where(t => t.OrgUnitId == units["GZBJ0103"] && meters.Any(m => m.TransformerCode == t.TransformerCode)).OrderBy(t => t.TransformerCode, StringComparer.Ordinal).First();
        var hotMeters = meters.Where(m => m.TransformerCode == hot.TransformerCode).OrderBy(m => m.MeterNo, StringComparer.Ordinal).ToList();
        var n = hotMeters.Count;
        double HotKwh(int slot) => (slot is >= 72 and < 76 ? 1.2 : 0.5) * hot.RatedKva * 0.9 / 4 / n;
        var week = new Week(
            hot.TransformerCode, n, hotMeters[0].MeterNo, lossy.TransformerCode, far.TransformerCode, hotMeters[1].CustomerId, Enumerable.Range(0, 96).Sum(HotKwh), hotMeters[0].CustomerId);

        var store = factory.Services.GetRequiredService<MeterStore>();
        if (await store.CountReadingsAsync(TestContext.Current.CancellationToken) > 0)
        {
            return week;
        }

        var days = Enumerable.Range(0, 7).Select(i => Day.AddDays(-i)).Order().ToList();
        var lossyMeters = meters.Where(m => m.TransformerCode == lossy.TransformerCode).ToList();
        var farMeters = meters.Where(m => m.TransformerCode == far.TransformerCode).ToList();
        var slots = days.SelectMany(d => Enumerable.Range(0, 96).Select(s => (Slot: s, Start: Slot(d, s)))).ToList();
        await WriteAsync(factory, "readings", [
            .. hotMeters.SelectMany(m => slots.Select(s => (m.MeterNo, s.Start, HotKwh(s.Slot), (double?)(m == hotMeters[0] ? 190 : 225)))),
            .. lossyMeters.Concat(farMeters).SelectMany(m => slots.Select(s => (m.MeterNo, s.Start, 0.5, (double?)225))),
        ]);
        await WriteAsync(factory, "terminal_readings", slots.Select(s => (lossy.TransformerCode, s.Start, 1.25 * 0.5 * lossyMeters.Count, (double?)null)));
        var analysis = factory.Services.GetRequiredService<DailyAnalysis>();
        foreach (var day in days)
        {
            await analysis.AnalyseDayAsync(day, TestContext.Current.CancellationToken);
        }

        return week;
    }

    /// <summary>The customer at 190 V complains about the voltage on the week's last evening; answers the order number.</summary>
    public static async Task<string> VoltageComplaintAsync(HttpClient agent, Week week)
    {
        ArgumentNullException.ThrowIfNull(week);
        var (status, received, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "hotline",
            externalId = Guid.NewGuid().ToString("N"),
            meterNumber = week.LowMeter,
            text = "晚上电压特别低，灯一直闪，空调都开不起来",
            type = "complaint",
            complaintClass = "supplyQuality",
            occurredAt = "2026-11-26T20:30:00+08:00",
        }));
        Assert.True(status == 201, $"The complaint answered {status}: {received}");
        return received!["order"]!["number"]!.GetValue<string>();
    }

    public static async Task<Dictionary<string, int>> UnitsAsync(GridCareFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.OrgUnits.ToDictionaryAsync(u => u.Code, u => u.Id, TestContext.Current.CancellationToken);
    }
}
