using GridCare.Analytics.Network;
using GridCare.Domain.Network;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Network;

/// <summary>The topology and the facts about its customers that impact answers need without another query.</summary>
public sealed record NetworkTopologySnapshot(NetworkTopology Topology, IReadOnlySet<long> ImportantCustomerIds);

/// <summary>
/// The whole network tree of the database as one <see cref="NetworkTopology"/>, built from a single projection
/// query (devices left-joined with the customer on each service point: ~1–2 s at city size) and shared by all
/// requests. <see cref="Invalidate"/> (called by the imports) makes the next read rebuild on this instance; other
/// instances notice the raised <see cref="NetworkRevision"/> at most <see cref="NetworkOptions.TopologyRefreshSeconds"/>
/// later. Readers never wait for a revision check while a fresh snapshot exists, and one rebuild runs at a time.
/// </summary>
public sealed partial class NetworkTopologyCache(
    IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IOptions<NetworkOptions> options, ILogger<NetworkTopologyCache> logger) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Entry? current;
    private volatile bool invalidated;

    private sealed record Entry(NetworkTopologySnapshot Snapshot, (long, long, long) Token, long CheckedAt);

    public async ValueTask<NetworkTopology> GetAsync(CancellationToken cancellationToken) =>
        (await GetSnapshotAsync(cancellationToken)).Topology;

    public ValueTask<NetworkTopologySnapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var entry = current;
        return entry is not null && !invalidated && !Due(entry) ? ValueTask.FromResult(entry.Snapshot) : new(RefreshAsync(cancellationToken));
    }

    /// <summary>The network or its customers changed here: the next read rebuilds.</summary>
    public void Invalidate() => invalidated = true;

    public void Dispose() => gate.Dispose();

    private bool Due(Entry entry) =>
        time.GetElapsedTime(entry.CheckedAt) >= TimeSpan.FromSeconds(options.Value.TopologyRefreshSeconds);

    private async Task<NetworkTopologySnapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var entry = current;
            if (entry is not null && !invalidated && !Due(entry))
            {
                return entry.Snapshot; // another caller refreshed while this one waited
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var token = await NetworkRevision.TokenAsync(db, cancellationToken);
            if (entry is not null && !invalidated && entry.Token == token)
            {
                current = entry with { CheckedAt = time.GetTimestamp() };
                return entry.Snapshot;
            }

            // Cleared before loading: an import committing during the load invalidates again and is not lost.
            invalidated = false;
            var started = time.GetTimestamp();
            var snapshot = await LoadAsync(db, cancellationToken);
            current = new Entry(snapshot, token, time.GetTimestamp());
            var elapsed = time.GetElapsedTime(started);
            LogBuilt(logger, snapshot.Topology.DeviceCount, snapshot.Topology.CustomerCount, (long)elapsed.TotalMilliseconds);
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<NetworkTopologySnapshot> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var rows = await (
            from d in db.NetworkDevices
            join c in db.Customers on d.Id equals c.ServicePointId into onPoint
            from c in onPoint.DefaultIfEmpty()
            select new { d.Id, d.ParentId, d.Kind, d.IsClosed, d.OrgUnitId, CustomerId = (long?)c!.Id, IsImportant = (bool?)c.IsImportant })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var nodes = new List<TopologyNode>(rows.Count);
        var important = new HashSet<long>();
        var seen = new HashSet<long>(rows.Count);
        foreach (var row in rows)
        {
            // One customer per service point is the imports' rule (SP + account number); a second one on the same
            // point would make the device appear twice, so it is left out of tracing and reported.
            if (!seen.Add(row.Id))
            {
                LogSharedServicePoint(logger, row.Id, row.CustomerId ?? 0);
                continue;
            }

            var customerId = row.Kind == DeviceKind.ServicePoint ? row.CustomerId : null;
            nodes.Add(new TopologyNode(row.Id, row.ParentId, row.Kind, row.IsClosed, customerId, row.OrgUnitId));
            if (customerId is { } id && row.IsImportant == true)
            {
                important.Add(id);
            }
        }

        return new NetworkTopologySnapshot(NetworkTopology.Build(nodes), important);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Network topology built: {Devices} devices, {Customers} customers in {Milliseconds} ms")]
    private static partial void LogBuilt(ILogger logger, int devices, int customers, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service point {ServicePointId} carries more than one customer; customer {CustomerId} is left out of impact tracing")]
    private static partial void LogSharedServicePoint(ILogger logger, long servicePointId, long customerId);
}
