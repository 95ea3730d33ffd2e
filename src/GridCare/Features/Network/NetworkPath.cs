using GridCare.Domain.Network;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Network;

public sealed record NetworkPathNode(long Id, DeviceKind Kind, string Code, string Name, AreaType AreaType, int? RatedKva, double? VoltageKv, bool? IsClosed);

/// <summary>The query other features use to read the supply path of a device (STYLE.md rule 3).</summary>
public static class NetworkPath
{
    /// <summary>The path from the substation down to <paramref name="deviceId"/>, top first.</summary>
    public static async Task<IReadOnlyList<NetworkPathNode>> UpFromAsync(AppDbContext db, long deviceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var path = new List<NetworkPathNode>();
        long? current = deviceId;

        // The tree is at most a few levels deep (branch switches nest a handful of times); the bound stops a corrupt cycle.
        while (current is { } id && path.Count < 64)
        {
            var node = await db.NetworkDevices.AsNoTracking()
                .Where(d => d.Id == id)
                .Select(d => new { d.ParentId, Node = new NetworkPathNode(d.Id, d.Kind, d.Code, d.Name, d.AreaType, d.RatedKva, d.VoltageKv, d.IsClosed) })
                .FirstOrDefaultAsync(cancellationToken);
            if (node is null)
            {
                break;
            }

            path.Add(node.Node);
            current = node.ParentId;
        }

        path.Reverse();
        return path;
    }
}
