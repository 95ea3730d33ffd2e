using GridCare.Domain.Network;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Network;

/// <summary>
/// Substations, feeders and switches held in memory for one request. They are few (a city has a few hundred
/// feeders and a few thousand switches) against hundreds of thousands of meters, so resolving "which feeder is
/// this transformer on" or "which transformers hang below this feeder" is a dictionary walk, not a recursive query.
/// </summary>
public sealed class UpperNetwork
{
    private readonly Dictionary<long, Node> nodes;
    private readonly ILookup<long, Node> children;

    private UpperNetwork(List<Node> all)
    {
        nodes = all.ToDictionary(n => n.Id);
        children = all.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!.Value);
    }

    public IEnumerable<Node> Feeders => nodes.Values.Where(n => n.Kind == DeviceKind.Feeder);

    public static async Task<UpperNetwork> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var all = await db.NetworkDevices.AsNoTracking()
            .Where(d => d.Kind == DeviceKind.Substation || d.Kind == DeviceKind.Feeder || d.Kind == DeviceKind.Switch)
            .Select(d => new Node(d.Id, d.Kind, d.Code, d.Name, d.ParentId, d.OrgUnitId, d.AreaType, d.VoltageKv))
            .ToListAsync(cancellationToken);
        return new UpperNetwork(all);
    }

    public Node? Find(long id) => nodes.GetValueOrDefault(id);

    /// <summary>The feeder a device below a feeder or switch hangs on, from the id of its parent.</summary>
    public Node? FeederAbove(long parentId)
    {
        var current = Find(parentId);
        for (var depth = 0; current is not null && depth < 64; depth++)
        {
            if (current.Kind == DeviceKind.Feeder)
            {
                return current;
            }

            current = current.ParentId is { } up ? Find(up) : null;
        }

        return null;
    }

    /// <summary>The feeder itself and every switch below it: the possible parents of its transformers.</summary>
    public IReadOnlyList<long> FeederAndSwitchesBelow(long feederId)
    {
        var result = new List<long>();
        var pending = new Stack<long>();
        pending.Push(feederId);
        while (pending.TryPop(out var id) && result.Count < nodes.Count)
        {
            result.Add(id);
            foreach (var child in children[id].Where(c => c.Kind == DeviceKind.Switch))
            {
                pending.Push(child.Id);
            }
        }

        return result;
    }

    public sealed record Node(long Id, DeviceKind Kind, string Code, string Name, long? ParentId, int OrgUnitId, AreaType AreaType, double? VoltageKv);
}
