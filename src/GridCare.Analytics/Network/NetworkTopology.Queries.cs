using GridCare.Domain.Network;

namespace GridCare.Analytics.Network;

/// <summary>The range scan behind <see cref="Impact"/> and the walks up the tree (a few levels deep, so plain parent loops).</summary>
public sealed partial class NetworkTopology
{
    /// <summary>The device and its ancestors, device first; empty for an unknown id.</summary>
    public IReadOnlyList<long> PathUp(long deviceId)
    {
        var path = new List<long>();
        for (var i = indexOf.GetValueOrDefault(deviceId, -1); i >= 0; i = parent[i])
        {
            path.Add(ids[i]);
        }

        return path;
    }

    /// <summary>The lowest device above (or equal to) all of <paramref name="deviceIds"/>; null when empty, unknown or in different trees.</summary>
    public long? DeepestCommonDevice(IReadOnlyCollection<long> deviceIds)
    {
        ArgumentNullException.ThrowIfNull(deviceIds);
        if (deviceIds.Count == 0)
        {
            return null;
        }

        int low = int.MaxValue, high = int.MinValue, start = -1;
        foreach (var id in deviceIds)
        {
            if (!indexOf.TryGetValue(id, out var index))
            {
                return null;
            }

            start = start < 0 ? index : start;
            low = Math.Min(low, tin[index]);
            high = Math.Max(high, tin[index]);
        }

        // An ancestor contains every device exactly when its range covers the lowest and highest pre-order positions.
        for (var i = start; i >= 0; i = parent[i])
        {
            if (tin[i] <= low && high < tout[i])
            {
                return ids[i];
            }
        }

        return null;
    }

    /// <summary>The transformer at or above a device (a transformer, meter or service point); null above transformers or unknown.</summary>
    public long? TransformerOf(long deviceId) => FirstUp(deviceId, DeviceKind.Transformer);

    /// <summary>The feeder at or above a device; null for a substation or an unknown id.</summary>
    public long? FeederOf(long deviceId) => FirstUp(deviceId, DeviceKind.Feeder);

    /// <summary>The service point node carrying <paramref name="customerId"/>, or null.</summary>
    public long? ServicePointOfCustomer(long customerId) =>
        servicePointOf.TryGetValue(customerId, out var index) ? ids[index] : null;

    /// <summary>The org unit operating a device, or null for an unknown id.</summary>
    public int? OrgUnitOf(long deviceId) => indexOf.TryGetValue(deviceId, out var index) ? orgUnitAt[tin[index]] : null;

    /// <summary>The org unit of the service point carrying <paramref name="customerId"/>, or null.</summary>
    public int? OrgUnitOfCustomer(long customerId) =>
        servicePointOf.TryGetValue(customerId, out var index) ? orgUnitAt[tin[index]] : null;

    private long? FirstUp(long deviceId, DeviceKind kind)
    {
        for (var i = indexOf.GetValueOrDefault(deviceId, -1); i >= 0; i = parent[i])
        {
            if (kindAt[tin[i]] == kind)
            {
                return ids[i];
            }
        }

        return null;
    }

    /// <summary>
    /// Keeps the roots whose area no other root already de-energises: a root is covered when walking up from it
    /// reaches another (closed) root before any normally-open device, which would cut the feed in between. The asked
    /// device comes first when it stays, the rest in tree order.
    /// </summary>
    private List<int> MinimalRoots(List<int> roots)
    {
        var device = roots[0];
        var set = roots.ToHashSet();
        var kept = new List<int>(set.Count);
        foreach (var root in set.OrderBy(r => tin[r]))
        {
            var covered = false;
            for (var above = parent[root]; above >= 0 && !openAt[tin[above]]; above = parent[above])
            {
                if (set.Contains(above))
                {
                    covered = true;
                    break;
                }
            }

            if (!covered)
            {
                kept.Add(root);
            }
        }

        if (kept.Remove(device))
        {
            kept.Insert(0, device);
        }

        return kept;
    }

    /// <summary>Scans the root's range; a normally-open switch (the root included) skips its own range.</summary>
    private void Collect(int root, List<long> transformers, List<long> customers)
    {
        var position = tin[root];
        var end = tout[root];
        while (position < end)
        {
            if (openAt[position])
            {
                position = tout[nodeAt[position]];
                continue;
            }

            if (customerAt[position] != NoCustomer)
            {
                customers.Add(customerAt[position]);
            }
            else if (kindAt[position] == DeviceKind.Transformer)
            {
                transformers.Add(ids[nodeAt[position]]);
            }

            position++;
        }
    }
}
