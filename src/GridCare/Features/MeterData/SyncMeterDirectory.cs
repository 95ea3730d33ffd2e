using GridCare.Analytics.MeterData;
using GridCare.Domain.Network;
using GridCare.Features.Network;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.MeterData;

/// <summary>
/// Copies the network as the meter analyses need it (each meter's customer, transformer, feeder, substation and
/// supply station; each transformer's rating) from the relational database into the meter store, whenever the
/// network revision moved. Analyses then join inside DuckDB and never across the two databases (STYLE.md rule 13).
/// </summary>
public sealed class SyncMeterDirectory(AppDbContext db, MeterStore store)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The network token last copied into each store (one per data directory; tests run several).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long, long, long)> Synced = new();

    /// <summary>Copies the directory when the network changed since the last copy (or always, when forced).</summary>
    public async Task<bool> RunOnceAsync(bool force, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var token = await NetworkRevision.TokenAsync(db, cancellationToken);
            if (!force && Synced.TryGetValue(store.DatabasePath, out var copied) && copied == token)
            {
                return false;
            }

            var (meters, transformers) = await ReadAsync(cancellationToken);
            await MeterDirectoryWriter.ReplaceAsync(store, meters, transformers, cancellationToken);
            Synced[store.DatabasePath] = token;
            return true;
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<(List<MeterDirectoryEntry>, List<TransformerDirectoryEntry>)> ReadAsync(CancellationToken cancellationToken)
    {
        var upper = await db.NetworkDevices.AsNoTracking()
            .Where(d => d.Kind == DeviceKind.Substation || d.Kind == DeviceKind.Feeder || d.Kind == DeviceKind.Switch || d.Kind == DeviceKind.Transformer)
            .Select(d => new { d.Id, d.ParentId, d.Kind, d.Code, d.Name, d.RatedKva, d.OrgUnitId, d.AreaType })
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        (string? Feeder, string? Substation) Above(long? id)
        {
            string? feeder = null;
            for (var at = id; at is { } current && upper.TryGetValue(current, out var device); at = device.ParentId)
            {
                if (device.Kind == DeviceKind.Feeder)
                {
                    feeder ??= device.Code;
                }
                else if (device.Kind == DeviceKind.Substation)
                {
                    return (feeder, device.Code);
                }
            }

            return (feeder, null);
        }

        var transformers = upper.Values.Where(d => d.Kind == DeviceKind.Transformer).ToDictionary(
            t => t.Id,
            t =>
            {
                var (feeder, substation) = Above(t.ParentId);
                return new TransformerDirectoryEntry(t.Code, t.Name, t.RatedKva ?? 0, feeder, substation, t.OrgUnitId, t.AreaType.ToString().ToLowerInvariant());
            });

        var accounts = await (
                from meter in db.NetworkDevices.AsNoTracking().Where(d => d.Kind == DeviceKind.Meter)
                join point in db.NetworkDevices.AsNoTracking().Where(d => d.Kind == DeviceKind.ServicePoint) on meter.Id equals point.ParentId into points
                from point in points.DefaultIfEmpty()
                join customer in db.Customers.AsNoTracking() on point.Id equals customer.ServicePointId into customers
                from customer in customers.DefaultIfEmpty()
                select new
                {
                    meter.Code,
                    meter.ParentId,
                    meter.Phases,
                    CustomerId = (long?)customer.Id,
                    AccountNumber = customer == null ? null : customer.AccountNumber,
                    Category = customer == null ? (Domain.Customers.CustomerCategory?)null : customer.Category,
                    Capacity = customer == null ? (decimal?)null : customer.ContractedCapacityKva,
                    Generation = customer != null && customer.HasGeneration,
                })
            .ToListAsync(cancellationToken);
        var meters = new List<MeterDirectoryEntry>(accounts.Count);
        foreach (var account in accounts.DistinctBy(a => a.Code))
        {
            if (account.ParentId is not { } parent || !transformers.TryGetValue(parent, out var transformer))
            {
                continue;
            }

            meters.Add(new MeterDirectoryEntry(
                account.Code, account.CustomerId, account.AccountNumber, account.Category is { } category ? JsonName(category) : null,
                (double?)account.Capacity, account.Generation, account.Phases ?? 1, transformer.TransformerCode, transformer.FeederCode,
                transformer.SubstationCode, transformer.OrgUnitId));
        }

        return (meters, transformers.Values.ToList());
    }

    private static string JsonName<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
