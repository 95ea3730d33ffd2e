using GridCare.Analytics.MeterData.Analysis;
using GridCare.Domain.Network;
using GridCare.Domain.Outages;
using GridCare.Features.MeterData;
using GridCare.Features.Network;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Outages;

/// <summary>How many transformers the readings showed dark, and how many of them became a new signal.</summary>
public sealed record ReadingEvidenceRun(int DarkTransformers, int Signals);

/// <summary>
/// Outage evidence from interval readings (<see cref="OutageEvidence"/>) as detection input: a transformer still dark
/// at the latest collected slot (terminal at zero voltage, or at least the configured share of its meters missing or
/// at zero voltage) becomes one pending voltage-loss signal on that transformer, source <see cref="OutageSource.MeterReadings"/>,
/// which <see cref="DetectOutages"/> groups with the events of its window and traces like any terminal's voltage loss.
/// Nothing is counted twice: a transformer whose customers are already in an active outage (opened from events
/// earlier), or whose own terminal voltage-loss event or earlier readings signal is on record for the dark spell,
/// gives no new signal; meter events still pending are grouped with the readings signal into the same outage by
/// detection (a lone last gasp alone would look like one customer's fault). Slots before the transformer's last restoration (an outage restored, a power-back event) are
/// ignored, so late readings never re-open a restored outage.
/// </summary>
public sealed class DetectFromReadings(
    AppDbContext db, NetworkTopologyCache topologies, OutageEvidence evidence, SyncMeterDirectory directory, IOptions<OutagesOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Slot = TimeSpan.FromMinutes(15);

    public async Task<ReadingEvidenceRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var lookback = TimeSpan.FromMinutes(options.Value.ReadingEvidenceLookbackMinutes);
        var from = Floor(now - lookback);
        var to = Floor(now) + Slot;
        await directory.RunOnceAsync(force: false, cancellationToken);
        if (await evidence.LatestSlotAsync(from, to, cancellationToken) is not { } latest)
        {
            return new ReadingEvidenceRun(0, 0);
        }

        // Dark now: the transformer's last dark slot is the latest slot anyone reported.
        var dark = (await evidence.FindAsync(from, to, options.Value.ReadingEvidenceShare, null, cancellationToken))
            .GroupBy(s => s.TransformerCode)
            .Where(g => g.Max(s => s.SlotStart) >= latest)
            .ToDictionary(g => g.Key, g => g.Select(s => s.SlotStart).Order().ToList(), StringComparer.Ordinal);
        if (dark.Count == 0)
        {
            return new ReadingEvidenceRun(0, 0);
        }

        var codes = dark.Keys.ToList();
        var transformers = await db.NetworkDevices.AsNoTracking()
            .Where(d => d.Kind == DeviceKind.Transformer && codes.Contains(d.Code))
            .Select(d => new { d.Id, d.Code })
            .ToListAsync(cancellationToken);
        var topology = await topologies.GetAsync(cancellationToken);
        var signals = 0;
        foreach (var transformer in transformers)
        {
            var impact = topology.Impact(transformer.Id);
            var devices = impact.DeviceIds.Append(transformer.Id).Distinct().ToList();
            var customers = impact.CustomerIds.ToList();
            var since = await SupplyBackAtAsync(devices, customers, from, cancellationToken);
            var slots = dark[transformer.Code].Where(s => s >= since).ToList();

            // The dark spell: the run of consecutive dark slots that ends at the latest slot.
            var start = slots.Count == 0 ? (DateTime?)null : slots[^1];
            for (var i = slots.Count - 2; i >= 0 && slots[i] == start - Slot; i--)
            {
                start = slots[i];
            }

            if (start is not { } begun || await KnownAsync(transformer.Id, customers, begun - lookback, cancellationToken))
            {
                continue;
            }

            var at = DateTime.SpecifyKind(begun, DateTimeKind.Utc);
            db.Add(OutageSignal.Receive(OutageSource.MeterReadings, SignalKind.VoltageLoss, $"readings:{transformer.Code}:{at:yyyyMMddTHHmm}", transformer.Id, null, at, now));
            signals++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ReadingEvidenceRun(dark.Count, signals);
    }

    /// <summary>The last time supply came back to these devices or customers (restoration or power-back event), or <paramref name="floor"/>.</summary>
    private async Task<DateTime> SupplyBackAtAsync(List<long> devices, List<long> customers, DateTime floor, CancellationToken cancellationToken)
    {
        var restored = await db.Set<OutageCustomer>().AsNoTracking()
            .Where(c => customers.Contains(c.CustomerId) && c.RestoredAt != null)
            .MaxAsync(c => c.RestoredAt, cancellationToken);
        var back = await db.Set<OutageSignal>().AsNoTracking()
            .Where(s => devices.Contains(s.DeviceId) && (s.Kind == SignalKind.PowerOn || s.Kind == SignalKind.VoltageRestored || s.Kind == SignalKind.Close))
            .MaxAsync(s => (DateTime?)s.OccurredAt, cancellationToken);
        return new[] { floor, restored ?? floor, back ?? floor }.Max();
    }

    /// <summary>Whether the outage is already known: customers in an active outage, or the transformer's own voltage loss since <paramref name="since"/>.</summary>
    private async Task<bool> KnownAsync(long transformerId, List<long> customers, DateTime since, CancellationToken cancellationToken)
    {
        var inOutage = await (
                from affected in db.Set<OutageCustomer>().AsNoTracking()
                where customers.Contains(affected.CustomerId) && affected.RestoredAt == null
                join outage in db.Set<Outage>().AsNoTracking() on affected.OutageId equals outage.Id
                where outage.Status == OutageStatus.Active
                select affected.Id)
            .AnyAsync(cancellationToken);
        return inOutage || await db.Set<OutageSignal>().AsNoTracking()
            .AnyAsync(s => s.DeviceId == transformerId && s.Kind == SignalKind.VoltageLoss && s.OccurredAt >= since, cancellationToken);
    }

    private static DateTime Floor(DateTime utc) => new(utc.Ticks - (utc.Ticks % Slot.Ticks), DateTimeKind.Utc);
}
