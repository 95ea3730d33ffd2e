using GridCare.Domain.Organization;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using GridCare.Platform.Imports;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Organization;

/// <summary>
/// Imports the org tree from <c>code,name,level,parent_code</c> rows (levels province, city, county, supply_station).
/// Units are matched by code: new ones are created, changed ones updated, identical ones left alone.
/// </summary>
public sealed class ImportOrgUnits(AppDbContext db, StaffScopeResolver scopes)
{
    public static readonly string[] RequiredColumns = ["code", "name", "level"];
    public static readonly string[] OptionalColumns = ["parent_code"];

    public async Task<ImportResult> HandleAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        var (records, errors) = await CsvImport.ReadAsync(content, fileName, RequiredColumns, OptionalColumns, cancellationToken);
        var rows = new List<(CsvRecord Record, string Code, string Name, OrgUnitLevel Level, string? Parent)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var code = record.Required("code");
            var name = record.Required("name");
            var level = record.Choice<OrgUnitLevel>("level");
            var parent = record.Optional("parent_code");
            if (code.Length > 0 && !seen.TryAdd(code, record.Line))
            {
                record.Error("code", $"'{code}' appears again (first on line {seen[code]})");
            }

            if (level is { } l && code.Length > 0 && name.Length > 0)
            {
                rows.Add((record, code, name, l, parent));
            }
        }

        var existing = await db.OrgUnits.ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, cancellationToken);
        var levels = rows.ToDictionary(r => r.Code, r => r.Level, StringComparer.Ordinal);
        foreach (var (record, code, _, level, parent) in rows)
        {
            if (existing.TryGetValue(code, out var current) && current.Level != level)
            {
                record.Error("level", $"unit '{code}' exists as {current.Level}; the level of a unit cannot change");
            }

            if (parent is null)
            {
                continue;
            }

            OrgUnitLevel? parentLevel = levels.TryGetValue(parent, out var inFile) ? inFile : existing.TryGetValue(parent, out var inDb) ? inDb.Level : null;
            if (parentLevel is null)
            {
                record.Error("parent_code", $"no org unit '{parent}' in this file or the database");
            }
            else if (parentLevel >= level)
            {
                record.Error("parent_code", $"a {level} cannot sit below a {parentLevel}");
            }
        }

        if (errors.Count > 0)
        {
            return ImportResult.Failed(errors);
        }

        int created = 0, updated = 0, unchanged = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Levels only go down the tree, so creating in level order always finds the parent already saved.
        foreach (var (_, code, name, level, parentCode) in rows.OrderBy(r => r.Level))
        {
            var parent = parentCode is null ? null : existing[parentCode];
            if (!existing.TryGetValue(code, out var unit))
            {
                unit = parent is null ? OrgUnit.CreateRoot(code, name, level) : OrgUnit.CreateChild(parent, code, name, level);
                db.OrgUnits.Add(unit);
                existing[code] = unit;
                created++;
            }
            else if (unit.Name != name || (parent is not null && unit.ParentId != parent.Id))
            {
                unit.Rename(name);
                if (parent is not null)
                {
                    unit.AttachTo(parent);
                }

                updated++;
            }
            else
            {
                unchanged++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await DatabaseStatistics.RefreshAsync(db, cancellationToken);
        scopes.Invalidate();
        return new ImportResult(created, updated, unchanged, []);
    }
}
