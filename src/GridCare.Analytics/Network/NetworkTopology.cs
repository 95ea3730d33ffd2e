using GridCare.Domain.Network;

namespace GridCare.Analytics.Network;

/// <summary>One device of the network tree as the topology needs it; <paramref name="CustomerId"/> is set on a customer's service point.</summary>
public sealed record TopologyNode(long Id, long? ParentId, DeviceKind Kind, bool? IsClosed, long? CustomerId, int OrgUnitId);

/// <summary>What loses supply: the de-energised roots (minimal: a root inside another root's area is left out), transformers and customers.</summary>
public sealed record NetworkImpact(IReadOnlyList<long> DeviceIds, IReadOnlyList<long> TransformerIds, IReadOnlyList<long> CustomerIds)
{
    public static NetworkImpact Empty { get; } = new([], [], []);
}

/// <summary>
/// The whole network tree in flat arrays, numbered in DFS pre-order so that every device's subtree is the contiguous
/// position range <c>[tin, tout)</c>. Impact is then a scan of one range (skipping the ranges of normally-open
/// switches), with no per-node allocation or pointer chasing: at city size (300,000 customers, 607,000 devices) the
/// largest feeder answers in about 0.1 ms, half the time of a recursive walk over child lists (docs/benchmarks.md).
/// Immutable after <see cref="Build"/>, so one instance is shared by all requests.
/// </summary>
public sealed partial class NetworkTopology
{
    private readonly long[] ids;
    private readonly int[] parent;          // node index → parent node index, -1 for a root
    private readonly int[] tin;             // node index → pre-order position
    private readonly int[] tout;            // node index → end (exclusive) of its subtree's positions
    private readonly int[] nodeAt;          // position → node index
    private readonly DeviceKind[] kindAt;   // position → kind
    private readonly bool[] openAt;         // position → normally-open device (IsClosed == false)
    private readonly long[] customerAt;     // position → customer id, NoCustomer for none
    private readonly int[] orgUnitAt;       // position → org unit
    private readonly Dictionary<long, int> indexOf;
    private readonly Dictionary<long, int> servicePointOf;

    private const long NoCustomer = long.MinValue;

    private NetworkTopology(
        long[] ids, int[] parent, int[] tin, int[] tout, int[] nodeAt, DeviceKind[] kindAt, bool[] openAt, long[] customerAt, int[] orgUnitAt,
        Dictionary<long, int> indexOf, Dictionary<long, int> servicePointOf)
    {
        this.ids = ids;
        this.parent = parent;
        this.tin = tin;
        this.tout = tout;
        this.nodeAt = nodeAt;
        this.kindAt = kindAt;
        this.openAt = openAt;
        this.customerAt = customerAt;
        this.orgUnitAt = orgUnitAt;
        this.indexOf = indexOf;
        this.servicePointOf = servicePointOf;
    }

    /// <summary>Number of customers (service points carrying a customer id) in the topology.</summary>
    public int CustomerCount => servicePointOf.Count;

    /// <summary>Number of devices in the topology.</summary>
    public int DeviceCount => ids.Length;

    /// <summary>
    /// Builds the topology. A node whose parent is not among <paramref name="nodes"/> is a root (so a partial load
    /// still works); duplicate ids, a customer on two service points and parent cycles are rejected.
    /// </summary>
    public static NetworkTopology Build(IEnumerable<TopologyNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var list = nodes as IReadOnlyList<TopologyNode> ?? [.. nodes];
        var n = list.Count;
        var ids = new long[n];
        var indexOf = new Dictionary<long, int>(n);
        for (var i = 0; i < n; i++)
        {
            ids[i] = list[i].Id;
            if (!indexOf.TryAdd(list[i].Id, i))
            {
                throw new ArgumentException($"Device {list[i].Id} appears twice.", nameof(nodes));
            }
        }

        var parent = new int[n];
        var childCount = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            parent[i] = list[i].ParentId is { } p && indexOf.TryGetValue(p, out var pi) ? pi : -1;
            if (parent[i] >= 0)
            {
                childCount[parent[i] + 1]++;
            }
        }

        // Children in CSR form: children of node i are children[childStart[i] .. childStart[i + 1]).
        var childStart = childCount;
        for (var i = 0; i < n; i++)
        {
            childStart[i + 1] += childStart[i];
        }

        var children = new int[childStart[n]];
        var fill = (int[])childStart.Clone();
        for (var i = 0; i < n; i++)
        {
            if (parent[i] >= 0)
            {
                children[fill[parent[i]]++] = i;
            }
        }

        var (tin, tout, nodeAt) = Number(ids, parent, childStart, children);
        var kindAt = new DeviceKind[n];
        var openAt = new bool[n];
        var customerAt = new long[n];
        Array.Fill(customerAt, NoCustomer);
        var orgUnitAt = new int[n];
        var servicePointOf = new Dictionary<long, int>();
        for (var pos = 0; pos < n; pos++)
        {
            var node = list[nodeAt[pos]];
            kindAt[pos] = node.Kind;
            openAt[pos] = node.IsClosed == false;
            orgUnitAt[pos] = node.OrgUnitId;
            if (node.CustomerId is { } customerId)
            {
                customerAt[pos] = customerId;
                if (!servicePointOf.TryAdd(customerId, nodeAt[pos]))
                {
                    throw new ArgumentException($"Customer {customerId} is on two service points.", nameof(nodes));
                }
            }
        }

        return new NetworkTopology(ids, parent, tin, tout, nodeAt, kindAt, openAt, customerAt, orgUnitAt, indexOf, servicePointOf);
    }

    /// <summary>Iterative DFS (a deep feeder must not overflow the stack); roots and children in ascending id order, so numbering is stable.</summary>
    private static (int[] Tin, int[] Tout, int[] NodeAt) Number(long[] ids, int[] parent, int[] childStart, int[] children)
    {
        var n = ids.Length;
        for (var i = 0; i < n; i++)
        {
            Array.Sort(children, childStart[i], childStart[i + 1] - childStart[i], Comparer<int>.Create((a, b) => ids[a].CompareTo(ids[b])));
        }

        var roots = Enumerable.Range(0, n).Where(i => parent[i] < 0).OrderBy(i => ids[i]).ToArray();
        var tin = new int[n];
        var tout = new int[n];
        var nodeAt = new int[n];
        var next = new int[n];      // per node: the next child to visit
        var stack = new int[n];
        var visited = new bool[n];
        var position = 0;
        foreach (var root in roots)
        {
            var depth = 0;
            stack[depth++] = root;
            tin[root] = position;
            visited[root] = true;
            nodeAt[position++] = root;
            next[root] = childStart[root];
            while (depth > 0)
            {
                var top = stack[depth - 1];
                if (next[top] < childStart[top + 1])
                {
                    var child = children[next[top]++];
                    tin[child] = position;
                    visited[child] = true;
                    nodeAt[position++] = child;
                    next[child] = childStart[child];
                    stack[depth++] = child;
                }
                else
                {
                    tout[top] = position;
                    depth--;
                }
            }
        }

        if (position != n)
        {
            // Nodes never reached from a root hang in a parent cycle; the domain forbids it, so the data is corrupt.
            var stuck = Enumerable.Range(0, n).Where(i => !visited[i]).Take(5).Select(i => ids[i]);
            throw new ArgumentException($"The parent links loop (devices {string.Join(", ", stuck)} …).");
        }

        return (tin, tout, nodeAt);
    }

    public bool Contains(long deviceId) => indexOf.ContainsKey(deviceId);

    /// <summary>
    /// Everything that loses supply when <paramref name="deviceId"/> is de-energised, plus (union) everything below
    /// each device in <paramref name="switchedOff"/>. A normally-open switch below a root cuts its subtree out
    /// (nothing is fed through it); a normally-open root feeds nothing, so it adds no transformers or customers.
    /// Unknown <paramref name="deviceId"/> gives <see cref="NetworkImpact.Empty"/>; unknown switched-off ids are
    /// ignored (callers resolve codes first and reject unknown ones).
    /// </summary>
    public NetworkImpact Impact(long deviceId, IReadOnlySet<long>? switchedOff = null)
    {
        if (!indexOf.TryGetValue(deviceId, out var device))
        {
            return NetworkImpact.Empty;
        }

        var roots = new List<int> { device };
        if (switchedOff is not null)
        {
            foreach (var id in switchedOff)
            {
                if (id != deviceId && indexOf.TryGetValue(id, out var index))
                {
                    roots.Add(index);
                }
            }
        }

        var kept = MinimalRoots(roots);
        var transformers = new List<long>();
        var customers = new List<long>();
        foreach (var root in kept)
        {
            Collect(root, transformers, customers);
        }

        return new NetworkImpact([.. kept.Select(r => ids[r])], transformers, customers);
    }

    /// <summary>Customers below a device, honouring normally-open switches: <c>Impact(deviceId).CustomerIds</c>.</summary>
    public IReadOnlyList<long> CustomersBelow(long deviceId) => Impact(deviceId).CustomerIds;
}
