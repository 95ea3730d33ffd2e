using System.Globalization;
using GridCare.Domain.WorkOrders;
using GridCare.Features.Network;
using GridCare.Platform;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.ComplaintAnalytics;

/// <summary>
/// One fact behind a hotspot: <c>kind</c> names it (complaints, supplyQualityComplaints, customerInterruptions,
/// outages, overloadDays, heavyLoadDays, voltageCompliance, lowVoltagePocketDays, serviceComplaints, repeatContacts),
/// <c>value</c> is its number, <c>text</c> says it for a reader in the request's language.
/// </summary>
public sealed record HotspotEvidence(string Kind, double Value, string Text);

/// <summary>A place or person where complaints rose. <c>Id</c> is the device or org unit id; null for agents, whose key is their user name in <c>Code</c>.</summary>
public sealed record ComplaintHotspot(
    string Kind, long? Id, string Code, string Name, int Complaints, int PreviousComplaints, IReadOnlyDictionary<string, int> ByClass,
    IReadOnlyList<HotspotEvidence> Evidence, IReadOnlyList<string> Orders);

public sealed record ComplaintHotspotsResponse(DateOnly From, DateOnly To, DateOnly PreviousFrom, IReadOnlyList<ComplaintHotspot> Hotspots);

/// <summary>
/// Where complaints rise: transformers, feeders, org units and the agents who took the complaints, with at least
/// <c>HotspotMinComplaints</c> complaints in the period and more than in the period of the same length before, each
/// with the evidence measured for the same place and period (<see cref="HotspotEvidenceReader"/>). Customers are
/// placed on their transformer and feeder through today's network; an agent is the staff member who took the first
/// contact (system intake — APIs, detectors, the demo — is nobody's hotspot).
/// </summary>
public sealed class GetComplaintHotspots(
    AppDbContext db, NetworkTopologyCache network, HotspotEvidenceReader evidence, IOptions<ComplaintAnalyticsOptions> options)
{
    public async Task<ComplaintHotspotsResponse> HandleAsync(ComplaintScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var previousScope = scope.Previous();
        var now = await ComplaintData.ComplaintsAsync(db, scope, cancellationToken);
        var before = await ComplaintData.ComplaintsAsync(db, previousScope, cancellationToken);
        var topology = await network.GetAsync(cancellationToken);
        var agents = await AgentsAsync(now, cancellationToken);
        var min = options.Value.HotspotMinComplaints;

        var candidates = new List<(string Kind, string Key, List<ComplaintRow> Now, int Before)>();
        foreach (var (kind, place) in new (string, Func<ComplaintRow, string?>)[]
        {
            (HotspotKinds.Transformer, r => Key(r.CustomerId is { } c && topology.ServicePointOfCustomer(c) is { } sp ? topology.TransformerOf(sp) : null)),
            (HotspotKinds.Feeder, r => Key(r.CustomerId is { } c && topology.ServicePointOfCustomer(c) is { } sp ? topology.FeederOf(sp) : null)),
            (HotspotKinds.OrgUnit, r => Key(r.OrgUnitId)),
            (HotspotKinds.Agent, r => r.ReceivedBy is { } actor && agents.ContainsKey(actor) ? actor : null),
        })
        {
            var previous = before.Select(place).OfType<string>().GroupBy(key => key).ToDictionary(g => g.Key, g => g.Count());
            candidates.AddRange(now.Select(r => (Row: r, Place: place(r))).Where(p => p.Place is not null).GroupBy(p => p.Place!)
                .Where(g => g.Count() >= min && g.Count() > previous.GetValueOrDefault(g.Key))
                .Select(g => (kind, g.Key, g.Select(p => p.Row).ToList(), previous.GetValueOrDefault(g.Key))));
        }

        var deviceIds = candidates.Where(c => c.Kind is HotspotKinds.Transformer or HotspotKinds.Feeder).Select(c => long.Parse(c.Key, CultureInfo.InvariantCulture)).ToList();
        var unitIds = candidates.Where(c => c.Kind == HotspotKinds.OrgUnit).Select(c => int.Parse(c.Key, CultureInfo.InvariantCulture)).ToList();
        var devices = await db.NetworkDevices.AsNoTracking().Where(d => deviceIds.Contains(d.Id)).ToDictionaryAsync(d => Key(d.Id)!, d => (d.Code, d.Name), cancellationToken);
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => Key(u.Id)!, u => (u.Code, u.Name), cancellationToken);

        var hotspots = new List<ComplaintHotspot>();
        foreach (var (kind, key, rows, previous) in candidates.OrderByDescending(c => c.Now.Count - c.Before).ThenByDescending(c => c.Now.Count))
        {
            var (code, name) = kind switch
            {
                HotspotKinds.OrgUnit => units[key],
                HotspotKinds.Agent => (key, agents[key]),
                _ => devices[key],
            };
            long? id = kind == HotspotKinds.Agent ? null : long.Parse(key, CultureInfo.InvariantCulture);
            hotspots.Add(new ComplaintHotspot(
                kind, id, code, name, rows.Count, previous,
                Enum.GetValues<ComplaintClass>().ToDictionary(c => ApiEnums.Name(c), c => rows.Count(r => r.ComplaintClass == c)),
                await evidence.ReadAsync(new HotspotPlace(kind, id, code, rows, previous), topology, scope, cancellationToken),
                [.. rows.OrderByDescending(r => r.ReceivedAt).Select(r => r.Number).Take(50)]));
        }

        return new ComplaintHotspotsResponse(scope.From, scope.To, previousScope.From, hotspots);
    }

    private static string? Key(long? id) => id?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The staff members among those who took the period's complaints, by user name, with their display names.</summary>
    private async Task<Dictionary<string, string>> AgentsAsync(List<ComplaintRow> rows, CancellationToken cancellationToken)
    {
        var actors = rows.Select(r => r.ReceivedBy).OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => actors.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, cancellationToken);
    }
}

/// <summary>The kinds of hotspot, as the API names them.</summary>
public static class HotspotKinds
{
    public const string Transformer = "transformer";
    public const string Feeder = "feeder";
    public const string OrgUnit = "orgUnit";
    public const string Agent = "agent";
}
