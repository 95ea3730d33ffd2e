using GridCare.Analytics.MeterData.Analysis;
using GridCare.Analytics.Network;
using GridCare.Domain.Network;
using GridCare.Domain.WorkOrders;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GridCare.Features.ComplaintAnalytics;

/// <summary>A hotspot being explained: its kind, device or unit id (null for agents), code, and the complaints of the two periods.</summary>
public sealed record HotspotPlace(string Kind, long? Id, string Code, IReadOnlyList<ComplaintRow> Complaints, int PreviousComplaints);

/// <summary>
/// The evidence behind a hotspot, each item a measured figure with a sentence in the reader's language: the complaints
/// themselves; for places, the interruptions and outages recorded there and what the meter analyses measured on the
/// transformers there over the period (overload and heavy-load days, voltage compliance, low-voltage pockets) — the
/// network facts that explain a cluster of supply-quality complaints; for agents, how many of their complaints were
/// about service and how often those customers had to call again.
/// </summary>
public sealed class HotspotEvidenceReader(AppDbContext db, TransformerLoadReader transformers, IStringLocalizer<ComplaintAnalyticsStrings> text)
{
    public async Task<List<HotspotEvidence>> ReadAsync(HotspotPlace place, NetworkTopology topology, ComplaintScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(scope);
        var rows = place.Complaints;
        var evidence = new List<HotspotEvidence> { Item("complaints", rows.Count, place.PreviousComplaints) };
        if (place.Kind == HotspotKinds.Agent)
        {
            AddIfAny(evidence, "serviceComplaints", rows.Count(r => r.ComplaintClass == ComplaintClass.Service));
            AddIfAny(evidence, "repeatContacts", rows.Sum(r => r.RepeatContacts));
            return evidence;
        }

        AddIfAny(evidence, "supplyQualityComplaints", rows.Count(r => r.ComplaintClass == ComplaintClass.SupplyQuality));
        var id = place.Id!.Value;
        var (from, to) = (scope.FromUtc, scope.ToUtc);
        var interruptions = db.InterruptionRecords.AsNoTracking().Where(r => r.InterruptedAt >= from && r.InterruptedAt < to);
        var outages = db.Set<Domain.Outages.Outage>().AsNoTracking().Where(o => (o.StartedAt ?? o.PlannedStart) >= from && (o.StartedAt ?? o.PlannedStart) < to);
        List<long> transformerIds;
        switch (place.Kind)
        {
            case HotspotKinds.Transformer:
                var customers = topology.CustomersBelow(id).ToList();
                AddIfAny(evidence, "customerInterruptions", await interruptions.CountAsync(r => customers.Contains(r.CustomerId), cancellationToken));
                AddIfAny(evidence, "outages", await outages.CountAsync(o => o.DeviceId == id, cancellationToken));
                transformerIds = [id];
                break;
            case HotspotKinds.Feeder:
                AddIfAny(evidence, "customerInterruptions", await interruptions.CountAsync(r => r.FeederId == id, cancellationToken));
                AddIfAny(evidence, "outages", await outages.CountAsync(o => o.FeederId == id, cancellationToken));
                transformerIds = [.. topology.Impact(id).TransformerIds];
                break;
            default:
                var unit = (int)id;
                AddIfAny(evidence, "customerInterruptions", await interruptions.CountAsync(r => r.OrgUnitId == unit, cancellationToken));
                AddIfAny(evidence, "outages", await outages.CountAsync(o => o.OrgUnitId == unit, cancellationToken));
                transformerIds = await db.NetworkDevices.AsNoTracking().Where(d => d.Kind == DeviceKind.Transformer && d.OrgUnitId == unit).Select(d => d.Id).ToListAsync(cancellationToken);
                break;
        }

        evidence.AddRange(await MeterEvidenceAsync(transformerIds, scope, cancellationToken));
        return evidence;
    }

    /// <summary>Load and voltage over the period on the transformers, summed over their analysed days.</summary>
    private async Task<List<HotspotEvidence>> MeterEvidenceAsync(List<long> transformerIds, ComplaintScope scope, CancellationToken cancellationToken)
    {
        var codes = await db.NetworkDevices.AsNoTracking().Where(d => transformerIds.Contains(d.Id)).Select(d => d.Code).ToListAsync(cancellationToken);
        var days = await transformers.DaysAsync(codes, scope.From, scope.To, cancellationToken);
        var evidence = new List<HotspotEvidence>();
        var overload = days.Where(d => d.OverloadMinutes > 0).ToList();
        if (overload.Count > 0)
        {
            evidence.Add(Item("overloadDays", overload.Count, overload.Sum(d => d.OverloadMinutes), 100 * overload.Max(d => d.PeakLoadRate ?? 0)));
        }

        var heavy = days.Where(d => d.HeavyMinutes > 0).ToList();
        if (heavy.Count > 0)
        {
            evidence.Add(Item("heavyLoadDays", heavy.Count, heavy.Sum(d => d.HeavyMinutes)));
        }

        var voltageMinutes = days.Sum(d => d.VoltageMinutes);
        if (voltageMinutes > 0)
        {
            evidence.Add(Item("voltageCompliance", Math.Round(100.0 * days.Sum(d => d.WithinMinutes) / voltageMinutes, 2)));
        }

        AddIfAny(evidence, "lowVoltagePocketDays", days.Count(d => d.VoltagePocket == "low"));
        return evidence;
    }

    private void AddIfAny(List<HotspotEvidence> evidence, string kind, int value)
    {
        if (value > 0)
        {
            evidence.Add(Item(kind, value));
        }
    }

    /// <summary>An item whose value is the first argument; the sentence (resource <c>Evidence_{kind}</c>) may use the others.</summary>
    private HotspotEvidence Item(string kind, double value, params object[] more) =>
        new(kind, value, text[$"Evidence_{kind}", [value, .. more]]);
}
