using GridCare.Domain.Network;
using GridCare.Platform.Database;
using GridCare.Platform.Imports;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Network;

/// <summary>
/// Imports substations, feeders, switches and transformers from an asset register export
/// (<c>code,kind,name,parent_code,area_type,org_unit_code[,rated_kva,voltage_kv,normally_open]</c>). Devices are
/// matched by code; a parent may be defined anywhere in the file or already be in the database. Meters and
/// service points come with the customer import, which knows which account each one serves.
/// </summary>
public sealed class ImportNetwork(AppDbContext db, NetworkTopologyCache topology, TimeProvider time)
{
    public static readonly string[] RequiredColumns = ["code", "kind", "name", "area_type", "org_unit_code"];
    public static readonly string[] OptionalColumns = ["parent_code", "rated_kva", "voltage_kv", "normally_open"];

    private sealed record Row(CsvRecord Record, string Code, DeviceKind Kind, string Name, string? Parent, AreaType AreaType, int OrgUnitId, int? RatedKva, double? VoltageKv, bool IsClosed);

    public async Task<ImportResult> HandleAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        var (records, errors) = await CsvImport.ReadAsync(content, fileName, RequiredColumns, OptionalColumns, cancellationToken);
        var orgUnits = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.Ordinal, cancellationToken);
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var row = Parse(record, orgUnits);
            if (row is not null && !rows.TryAdd(row.Code, row))
            {
                record.Error("code", $"'{row.Code}' appears again (first on line {rows[row.Code].Record.Line})");
            }
        }

        var codes = rows.Keys.Concat(rows.Values.Select(r => r.Parent).OfType<string>()).Distinct().ToList();
        var existing = await db.NetworkDevices.Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var row in rows.Values)
        {
            if (existing.TryGetValue(row.Code, out var current) && current.Kind != row.Kind)
            {
                row.Record.Error("kind", $"device '{row.Code}' exists as a {current.Kind}; the kind of a device cannot change");
            }

            DeviceKind? parentKind = row.Parent is null ? null
                : rows.TryGetValue(row.Parent, out var inFile) ? inFile.Kind
                : existing.TryGetValue(row.Parent, out var inDb) ? inDb.Kind
                : null;
            if (row.Parent is not null && parentKind is null)
            {
                row.Record.Error("parent_code", $"no device '{row.Parent}' in this file or the database");
            }
            else if (!NetworkDevice.CanBeChildOf(row.Kind, parentKind))
            {
                row.Record.Error("parent_code", parentKind is null ? $"a {row.Kind} needs a parent" : $"a {row.Kind} cannot sit below a {parentKind}");
            }
        }

        var ordered = InTreeOrder(rows);
        if (errors.Count > 0)
        {
            return ImportResult.Failed(errors);
        }

        int created = 0, updated = 0, unchanged = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var row in ordered)
        {
            var parent = row.Parent is null ? null : existing[row.Parent];
            if (existing.TryGetValue(row.Code, out var device))
            {
                if (Same(device, row, parent))
                {
                    unchanged++;
                    continue;
                }

                device.Update(row.Name, parent, row.AreaType, row.OrgUnitId, row.RatedKva, row.VoltageKv ?? device.VoltageKv, row.IsClosed);
                updated++;
            }
            else
            {
                device = row.Kind switch
                {
                    DeviceKind.Substation => NetworkDevice.Substation(row.Code, row.Name, row.VoltageKv ?? 110, row.AreaType, row.OrgUnitId),
                    DeviceKind.Feeder => NetworkDevice.Feeder(parent!, row.Code, row.Name, row.AreaType, row.OrgUnitId, row.VoltageKv ?? 10),
                    DeviceKind.Switch => NetworkDevice.Switch(parent!, row.Code, row.Name, row.AreaType, row.OrgUnitId, row.IsClosed),
                    DeviceKind.Transformer => NetworkDevice.Transformer(parent!, row.Code, row.Name, row.RatedKva!.Value, row.AreaType, row.OrgUnitId),
                    _ => throw new InvalidOperationException($"{row.Kind} rows are rejected during validation."),
                };
                db.NetworkDevices.Add(device);
                existing[row.Code] = device;
                created++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (created + updated > 0)
        {
            await NetworkRevision.RaiseAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        topology.Invalidate();
        await DatabaseStatistics.RefreshAsync(db, cancellationToken);
        return new ImportResult(created, updated, unchanged, []);
    }

    private static Row? Parse(CsvRecord record, Dictionary<string, int> orgUnits)
    {
        var code = record.Required("code");
        var kind = record.Choice<DeviceKind>("kind");
        var name = record.Required("name");
        var area = record.Choice<AreaType>("area_type");
        var orgCode = record.Required("org_unit_code");
        var ratedKva = record.WholeNumber("rated_kva", 1, 100_000, required: kind == DeviceKind.Transformer);
        var voltage = (double?)record.Number("voltage_kv", 0.2m, 1000, required: false);
        var normallyOpen = record.Flag("normally_open");
        if (kind is DeviceKind.Meter or DeviceKind.ServicePoint)
        {
            record.Error("kind", "meters and service points are imported with the customers file");
            return null;
        }

        if (orgCode.Length > 0 && !orgUnits.ContainsKey(orgCode))
        {
            record.Error("org_unit_code", $"no org unit '{orgCode}'; import org units first");
            return null;
        }

        return kind is { } k && area is { } a && code.Length > 0 && name.Length > 0 && orgCode.Length > 0
            ? new Row(record, code, k, name, record.Optional("parent_code"), a, orgUnits[orgCode], ratedKva, voltage, !normallyOpen)
            : null;
    }

    /// <summary>Parents before children; rows caught in a cycle get an error instead.</summary>
    private static List<Row> InTreeOrder(Dictionary<string, Row> rows)
    {
        var ordered = new List<Row>(rows.Count);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var pending = rows.Values.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(r => r.Parent is null || !rows.ContainsKey(r.Parent) || placed.Contains(r.Parent)).ToList();
            if (ready.Count == 0)
            {
                foreach (var row in pending)
                {
                    row.Record.Error("parent_code", "the parent chain loops back to this device");
                }

                break;
            }

            ordered.AddRange(ready);
            placed.UnionWith(ready.Select(r => r.Code));
            pending = [.. pending.Except(ready)];
        }

        return ordered;
    }

    private static bool Same(NetworkDevice device, Row row, NetworkDevice? parent) =>
        device.Name == row.Name
        && device.ParentId == parent?.Id
        && device.AreaType == row.AreaType
        && device.OrgUnitId == row.OrgUnitId
        && device.RatedKva == (row.Kind == DeviceKind.Transformer ? row.RatedKva : null)
        && (row.VoltageKv is null || device.VoltageKv == row.VoltageKv)
        && device.IsClosed == (row.Kind == DeviceKind.Switch ? row.IsClosed : null);
}
