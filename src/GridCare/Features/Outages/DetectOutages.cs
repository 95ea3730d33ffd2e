using GridCare.Analytics.Outages;
using GridCare.Domain.Outages;
using GridCare.Features.Network;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Outages;

/// <summary>How many outages a detection run opened, signals it linked to known outages, and signals it set aside.</summary>
public sealed record DetectionRun(int Outages, int Linked, int SetAside);

/// <summary>
/// Unplanned-outage detection. Once the oldest pending loss-of-supply signal has waited the detection window (or at
/// once for a SCADA trip), it: sets aside signals whose supply already came back (momentary); links signals of
/// customers and devices already inside an active outage to it; infers outages from the rest
/// (<see cref="OutageInference"/>) and opens each one — traced customers, a repair order for the crews, notices
/// queued — or, for a single customer, tells an arrears disconnection or a customer-side fault from a grid fault.
/// </summary>
public sealed class DetectOutages(
    AppDbContext db, NetworkTopologyCache topologies, OpenDetectedOutage open, CheckSingleCustomer checkLone, IOptions<OutagesOptions> options, TimeProvider time)
{
    public const string Actor = "system";

    public async Task<DetectionRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var pending = await db.Set<OutageSignal>()
            .Where(s => s.State == SignalState.Pending)
            .OrderBy(s => s.ReceivedAt)
            .Take(20_000)
            .ToListAsync(cancellationToken);
        pending = [.. pending.Where(s => s.IsLossOfSupply)];
        var windowStart = now.AddSeconds(-options.Value.DetectionWindowSeconds);
        if (pending.Count == 0 || (pending[0].ReceivedAt > windowStart && !pending.Any(s => s.Kind == SignalKind.Trip)))
        {
            return new DetectionRun(0, 0, 0);
        }

        var setAside = await SetAsideMomentaryAsync(pending, cancellationToken);
        var linked = await LinkToKnownAsync(pending.Where(s => s.State == SignalState.Pending).ToList(), now, cancellationToken);
        var rest = pending.Where(s => s.State == SignalState.Pending).ToList();
        var topology = await topologies.GetAsync(cancellationToken);
        var inference = OutageInference.Infer(topology, [.. rest.Select(s => new SignalPoint(s.Id, s.DeviceId, s.CustomerId, s.Kind))]);
        var byId = rest.ToDictionary(s => s.Id);
        foreach (var id in inference.Unplaced)
        {
            byId[id].SetAside("The device is not on a traced feeder.");
            setAside++;
        }

        foreach (var customer in inference.SingleCustomers)
        {
            await checkLone.HandleAsync(customer, [.. customer.SignalIds.Select(i => byId[i])], now, cancellationToken);
            setAside += customer.SignalIds.Count;
        }

        foreach (var outage in inference.Outages)
        {
            await open.HandleAsync(outage, [.. outage.SignalIds.Select(i => byId[i])], now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new DetectionRun(inference.Outages.Count, linked, setAside);
    }

    /// <summary>A loss signal whose device reported power back at or after it: a momentary interruption, no outage.</summary>
    private async Task<int> SetAsideMomentaryAsync(List<OutageSignal> pending, CancellationToken cancellationToken)
    {
        var devices = pending.Select(s => s.DeviceId).Distinct().ToList();
        var since = pending.Min(s => s.OccurredAt);
        var back = (await db.Set<OutageSignal>().AsNoTracking()
                .Where(s => devices.Contains(s.DeviceId) && s.OccurredAt >= since
                    && (s.Kind == SignalKind.PowerOn || s.Kind == SignalKind.VoltageRestored || s.Kind == SignalKind.Close))
                .Select(s => new { s.DeviceId, s.OccurredAt })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.DeviceId, s => s.OccurredAt);
        var count = 0;
        foreach (var signal in pending.Where(s => back[s.DeviceId].Any(at => at >= s.OccurredAt)))
        {
            signal.SetAside("Supply came back before detection (momentary).");
            count++;
        }

        return count;
    }

    /// <summary>Signals from customers or devices already inside an active outage confirm it instead of opening another.</summary>
    private async Task<int> LinkToKnownAsync(List<OutageSignal> pending, DateTime now, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return 0;
        }

        var customers = pending.Where(s => s.CustomerId is not null).Select(s => s.CustomerId!.Value).ToList();
        var known = await OutageQueries.CurrentForCustomersAsync(db, customers, now, TimeSpan.Zero, cancellationToken);
        var active = await db.Set<Outage>().Where(o => o.Status == OutageStatus.Active).ToListAsync(cancellationToken);
        var topology = await topologies.GetAsync(cancellationToken);
        var linked = 0;
        foreach (var signal in pending)
        {
            Outage? outage;
            if (signal.CustomerId is { } customer && known.TryGetValue(customer, out var k))
            {
                outage = active.FirstOrDefault(o => o.Number == k.Number);
            }
            else
            {
                var path = topology.PathUp(signal.DeviceId);
                outage = active.FirstOrDefault(o => o.SwitchedOffDeviceIds.Any(path.Contains));
            }
            if (outage is null)
            {
                continue;
            }

            signal.GroupInto(outage.Id);
            if (signal.Kind == SignalKind.RepairCall)
            {
                outage.LinkCall(now, Actor, signal.ExternalId);
            }
            else
            {
                outage.LinkSignals(1, now, Actor);
            }

            linked++;
        }

        return linked;
    }
}
