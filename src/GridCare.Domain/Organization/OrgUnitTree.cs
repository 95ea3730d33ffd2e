using System.Collections.Concurrent;

namespace GridCare.Domain.Organization;

/// <summary>
/// The organisation tree held in memory. It is small (a province has a few hundred units), so visibility checks
/// resolve a user's unit to the set of unit ids below it once, and queries filter with that set.
/// </summary>
public sealed class OrgUnitTree
{
    private readonly Dictionary<int, OrgUnit> byId;
    private readonly ILookup<int, OrgUnit> children;
    private readonly ConcurrentDictionary<int, IReadOnlySet<int>> below = new();

    public OrgUnitTree(IEnumerable<OrgUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        byId = units.ToDictionary(u => u.Id);
        children = byId.Values.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
    }

    public OrgUnit? Find(int id) => byId.GetValueOrDefault(id);

    /// <summary>The units without a parent, lowest id first (one province or city company in practice).</summary>
    public IReadOnlyList<OrgUnit> Roots => [.. byId.Values.Where(u => u.ParentId is null).OrderBy(u => u.Id)];

    /// <summary>Every unit of the tree.</summary>
    public IReadOnlySet<int> All => byId.Keys.ToHashSet();

    /// <summary>The unit itself and every unit below it; worked out once per unit, as every request asks for it.</summary>
    public IReadOnlySet<int> SelfAndDescendants(int id) => below.GetOrAdd(id, Collect);

    private IReadOnlySet<int> Collect(int id)
    {
        var result = new HashSet<int>();
        if (!byId.ContainsKey(id))
        {
            return result;
        }

        var pending = new Stack<int>();
        pending.Push(id);
        while (pending.TryPop(out var current))
        {
            if (result.Add(current))
            {
                foreach (var child in children[current])
                {
                    pending.Push(child.Id);
                }
            }
        }

        return result;
    }

    /// <summary>The order prefix of the unit or the nearest unit above it that has one; GC where none has.</summary>
    public string OrderPrefixOf(int id) =>
        PathTo(id).LastOrDefault(u => u.OrderPrefix is not null)?.OrderPrefix ?? "GC";

    /// <summary>The chain from the root down to the unit, e.g. 贵州电网 → 毕节供电局 → 大方供电局 → 城关供电所.</summary>
    public IReadOnlyList<OrgUnit> PathTo(int id)
    {
        var path = new List<OrgUnit>();
        var current = Find(id);
        while (current is not null && path.Count <= byId.Count)
        {
            path.Add(current);
            current = current.ParentId is { } parentId ? Find(parentId) : null;
        }

        path.Reverse();
        return path;
    }
}
