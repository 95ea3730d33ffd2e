using GridCare.Domain.Outages;
using GridCare.Features.Network;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Outages;

/// <summary>
/// Power-back events close outages for the customers they cover: a meter's power-on its own customer, a terminal's
/// voltage-restored every customer of its transformer, a SCADA close everyone below the switch. Per outage the
/// events of one batch make one restoration step (partial until no customer is left off), with its notices and the
/// reliability ledger, in the caller's transaction.
/// </summary>
public sealed class RestoreFromEvents(AppDbContext db, NetworkTopologyCache topologies)
{
    public const string Actor = "system";

    /// <returns>How many customers were restored.</returns>
    public async Task<int> ApplyAsync(IReadOnlyList<OutageSignal> powerBack, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(powerBack);
        if (powerBack.Count == 0)
        {
            return 0;
        }

        var topology = await topologies.GetAsync(cancellationToken);
        var covered = powerBack.ToDictionary(s => s, s => s.CustomerId is { } customer ? [customer] : topology.CustomersBelow(s.DeviceId));
        var customerIds = covered.Values.SelectMany(c => c).Distinct().ToList();
        var outageIds = await (
                from affected in db.Set<OutageCustomer>()
                where customerIds.Contains(affected.CustomerId) && affected.RestoredAt == null
                join outage in db.Set<Outage>() on affected.OutageId equals outage.Id
                where outage.Status == OutageStatus.Active
                select outage.Id)
            .Distinct()
            .ToListAsync(cancellationToken);
        var outages = await db.Set<Outage>().Include(o => o.Customers).Include(o => o.Steps).Include(o => o.Entries).AsSplitQuery()
            .Where(o => outageIds.Contains(o.Id))
            .ToListAsync(cancellationToken);

        var restored = 0;
        foreach (var outage in outages)
        {
            var off = outage.Customers.Where(c => c.RestoredAt is null).Select(c => c.CustomerId).ToHashSet();
            var signals = covered.Where(c => c.Value.Any(off.Contains)).Select(c => c.Key).ToList();
            var back = signals.SelectMany(s => covered[s]).Where(off.Contains).ToHashSet();
            var at = signals.Max(s => s.OccurredAt);
            at = outage.StartedAt is { } started && at < started ? started : at;
            var device = signals.Select(s => s.DeviceId).Distinct().Count() == 1 ? signals[0].DeviceId : topology.DeepestCommonDevice([.. signals.Select(s => s.DeviceId)]);
            var step = await OutageRestoration.RestoreAsync(db, outage, back, device, at, Actor, cancellationToken);
            if (step.Error is not null)
            {
                continue;
            }

            foreach (var signal in signals)
            {
                signal.GroupInto(outage.Id);
            }

            restored += step.CustomerIds.Count;
        }

        foreach (var signal in powerBack.Where(s => s.State == SignalState.Pending))
        {
            signal.SetAside("No active outage left off customers it covers.");
        }

        return restored;
    }
}
