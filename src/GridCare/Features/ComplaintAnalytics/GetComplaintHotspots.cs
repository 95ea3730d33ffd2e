using System.Globalization;
using GridCare.Domain.WorkOrders;
using GridCare.Features.Network;
using GridCare.Platform;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.ComplaintAnalytics;

/// <summary>
/// One fact behind a hotspot: <c>kind</c> names it (complaints, previousComplaints, supplyQualityComplaints,
/// customerInterruptions, outages, …), <c>value</c> is its number, <c>text</c> says it for a reader. A list, so other
/// sources (meter analyses: overload episodes, voltage compliance) add items without changing the shape.
/// </summary>
public sealed record HotspotEvidence(string Kind, double Value, string Text);

public sealed record ComplaintHotspot(
    string Kind, long Id, string Code, string Name, int Complaints, int PreviousComplaints, IReadOnlyDictionary<string, int> ByClass,
    IReadOnlyList<HotspotEvidence> Evidence, IReadOnlyList<string> Orders);

public sealed record ComplaintHotspotsResponse(DateOnly From, DateOnly To, DateOnly PreviousFrom, IReadOnlyList<ComplaintHotspot> Hotspots);

/// <summary>
/// Where complaints rise: transformers, feeders and org units with at least <c>HotspotMinComplaints</c> complaints
/// in the period and more than in the period of the same length before, with the network evidence recorded for the
/// same place and period — customer interruptions (the reliability ledger) and outages. Customers are placed on
/// their transformer and feeder through today's network.
/// </summary>
public sealed class GetComplaintHotspots(AppDbContext db, NetworkTopologyCache network, IOptions<ComplaintAnalyticsOptions> options)
{
    public async Task<ComplaintHotspotsResponse> HandleAsync(ComplaintScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var previousScope = scope.Previous();
        var now = await ComplaintData.ComplaintsAsync(db, scope, cancellationToken);
        var before = await ComplaintData.ComplaintsAsync(db, previousScope, cancellationToken);
        var topology = await network.GetAsync(cancellationToken);
        var min = options.Value.HotspotMinComplaints;

        var candidates = new List<(string Kind, long Id, List<ComplaintRow> Now, int Before)>();
        foreach (var (kind, place) in new (string, Func<ComplaintRow, long?>)[]
        {
            ("transformer", r => r.CustomerId is { } c && topology.ServicePointOfCustomer(c) is { } sp ? topology.TransformerOf(sp) : null),
            ("feeder", r => r.CustomerId is { } c && topology.ServicePointOfCustomer(c) is { } sp ? topology.FeederOf(sp) : null),
            ("orgUnit", r => r.OrgUnitId),
        })
        {
            var previous = before.Select(place).OfType<long>().GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
            candidates.AddRange(now.Select(r => (Row: r, Place: place(r))).Where(p => p.Place is not null).GroupBy(p => p.Place!.Value)
                .Where(g => g.Count() >= min && g.Count() > previous.GetValueOrDefault(g.Key))
                .Select(g => (kind, g.Key, g.Select(p => p.Row).ToList(), previous.GetValueOrDefault(g.Key))));
        }

        var deviceIds = candidates.Where(c => c.Kind != "orgUnit").Select(c => c.Id).ToList();
        var unitIds = candidates.Where(c => c.Kind == "orgUnit").Select(c => (int)c.Id).ToList();
        var devices = await db.NetworkDevices.AsNoTracking().Where(d => deviceIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => (d.Code, d.Name), cancellationToken);
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => (long)u.Id, u => (u.Code, u.Name), cancellationToken);

        var hotspots = new List<ComplaintHotspot>();
        foreach (var (kind, id, rows, previous) in candidates.OrderByDescending(c => c.Now.Count - c.Before).ThenByDescending(c => c.Now.Count))
        {
            var (code, name) = kind == "orgUnit" ? units[id] : devices[id];
            var evidence = new List<HotspotEvidence>
            {
                new("complaints", rows.Count, $"{rows.Count} complaints in the period, {previous} in the period before"),
            };
            var quality = rows.Count(r => r.ComplaintClass == ComplaintClass.SupplyQuality);
            if (quality > 0)
            {
                evidence.Add(new("supplyQualityComplaints", quality, $"{quality} about supply quality (voltage, flicker, frequent interruptions)"));
            }

            evidence.AddRange(await NetworkEvidenceAsync(kind, id, topology, scope, cancellationToken));
            hotspots.Add(new ComplaintHotspot(
                kind, id, code, name, rows.Count, previous,
                Enum.GetValues<ComplaintClass>().ToDictionary(c => ApiEnums.Name(c), c => rows.Count(r => r.ComplaintClass == c)),
                evidence,
                [.. rows.OrderByDescending(r => r.ReceivedAt).Select(r => r.Number).Take(50)]));
        }

        return new ComplaintHotspotsResponse(scope.From, scope.To, previousScope.From, hotspots);
    }

    private async Task<List<HotspotEvidence>> NetworkEvidenceAsync(
        string kind, long id, Analytics.Network.NetworkTopology topology, ComplaintScope scope, CancellationToken cancellationToken)
    {
        var (from, to) = (scope.FromUtc, scope.ToUtc);
        var interruptions = db.InterruptionRecords.AsNoTracking().Where(r => r.InterruptedAt >= from && r.InterruptedAt < to);
        var outages = db.Set<Domain.Outages.Outage>().AsNoTracking().Where(o => (o.StartedAt ?? o.PlannedStart) >= from && (o.StartedAt ?? o.PlannedStart) < to);
        int customerInterruptions;
        int outageCount;
        switch (kind)
        {
            case "transformer":
                var customers = topology.CustomersBelow(id).ToList();
                customerInterruptions = await interruptions.CountAsync(r => customers.Contains(r.CustomerId), cancellationToken);
                outageCount = await outages.CountAsync(o => o.DeviceId == id, cancellationToken);
                break;
            case "feeder":
                customerInterruptions = await interruptions.CountAsync(r => r.FeederId == id, cancellationToken);
                outageCount = await outages.CountAsync(o => o.FeederId == id, cancellationToken);
                break;
            default:
                var units = scope.Units.Contains((int)id) ? [(int)id] : new List<int>();
                customerInterruptions = await interruptions.CountAsync(r => units.Contains(r.OrgUnitId), cancellationToken);
                outageCount = await outages.CountAsync(o => units.Contains(o.OrgUnitId), cancellationToken);
                break;
        }

        var evidence = new List<HotspotEvidence>();
        if (customerInterruptions > 0)
        {
            evidence.Add(new("customerInterruptions", customerInterruptions, string.Create(CultureInfo.InvariantCulture, $"{customerInterruptions} customer interruptions recorded in the period")));
        }

        if (outageCount > 0)
        {
            evidence.Add(new("outages", outageCount, string.Create(CultureInfo.InvariantCulture, $"{outageCount} outages on it in the period")));
        }

        return evidence;
    }
}
