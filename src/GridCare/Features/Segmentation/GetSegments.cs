using System.Globalization;
using GridCare.Analytics.Segmentation;
using GridCare.Features.CustomerProfile;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GridCare.Features.Segmentation;

/// <summary>
/// Segments of a unit's customers: by load shape (k-means over each customer's mean day of the last 30 days read,
/// k by silhouette or fixed), or by contracted capacity band, category, area or service sensitivity; the filters
/// narrow the customers first, so the groupings combine. Optionally saves each customer's load-shape cluster for the
/// 360° profile.
/// </summary>
public sealed class GetSegments(
    IDbContextFactory<AppDbContext> dbFactory, StaffScopeResolver resolver, LoadProfileReader readings, TimeProvider time, IStringLocalizer<SegmentationStrings> l)
{
    private const int ListedMembers = 2000;
    private const int ProfileDays = 30;

    public async Task<SegmentsResponse?> HandleAsync(SegmentQuery query, StaffScope scope, bool save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (await InsightAccess.UnitsAsync(resolver, scope, query.OrgUnitId, cancellationToken) is not { } unit)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var units = unit.Units.ToList();
        var customers = (await db.Customers.AsNoTracking().Where(c => units.Contains(c.OrgUnitId))
                .Select(c => new { c.Id, c.Category, c.ContractedCapacityKva, c.AreaType, c.IsSensitive, c.IsImportant }).ToListAsync(cancellationToken))
            .Where(c => (query.Category is null || c.Category == query.Category)
                && (query.Capacity is null || SegmentQuery.BandOf(c.ContractedCapacityKva) == query.Capacity)
                && (query.Area is null || c.AreaType == query.Area)
                && (query.Sensitivity is null || SegmentQuery.SensitivityOf(c.IsSensitive, c.IsImportant) == query.Sensitivity))
            .ToList();
        var by = ApiEnums.Name(query.By);
        if (query.By != SegmentBy.LoadShape)
        {
            var groups = customers.GroupBy(c => query.By switch
            {
                SegmentBy.Capacity => ("Band", SegmentQuery.BandOf(c.ContractedCapacityKva).ToString(), (int)SegmentQuery.BandOf(c.ContractedCapacityKva)),
                SegmentBy.Category => ("Category", c.Category.ToString(), (int)c.Category),
                SegmentBy.Area => ("Area", c.AreaType.ToString(), (int)c.AreaType),
                _ => ("Sensitivity", SegmentQuery.SensitivityOf(c.IsSensitive, c.IsImportant).ToString(), (int)SegmentQuery.SensitivityOf(c.IsSensitive, c.IsImportant)),
            });
            return new SegmentsResponse(by, unit.Id, unit.Name, customers.Count, null, null, null, null, null, [.. groups
                .OrderBy(g => g.Key.Item3)
                .Select(g => new SegmentGroup(Camel(g.Key.Item2), l[g.Key.Item1 + "_" + g.Key.Item2], g.Count(), Share(g.Count(), customers.Count), null, null, [.. g.Select(c => c.Id).Order().Take(ListedMembers)]))]);
        }

        var to = await readings.LastDayAsync(cancellationToken) ?? Domain.Sla.ChinaTime.DateOf(time.GetUtcNow().UtcDateTime);
        var from = to.AddDays(1 - ProfileDays);
        var wanted = customers.Select(c => c.Id).ToHashSet();
        var profiles = (await readings.MeanDaysAsync(unit.Units, null, from, to, cancellationToken))
            .Where(p => wanted.Contains(long.Parse(p.CustomerId, CultureInfo.InvariantCulture))).ToList();
        if (profiles.Count < 2)
        {
            return new SegmentsResponse(by, unit.Id, unit.Name, profiles.Count, null, null, null, from, to, []);
        }

        var result = LoadShapeSegmenter.Run(profiles, new SegmentationSettings(query.K, query.Normalization));
        if (save)
        {
            await SaveAsync(db, result, from, to, scope.UserName, cancellationToken);
        }

        return new SegmentsResponse(by, unit.Id, unit.Name, profiles.Count, result.K, result.Silhouette, result.Inertia, from, to, [.. result.Segments.Select(s => new SegmentGroup(
            s.Index.ToString(CultureInfo.InvariantCulture), l["Shape_" + s.Shape], s.Size, Share(s.Size, profiles.Count), s.Centroid,
            new Dictionary<string, double> { ["night"] = s.Features.Night, ["morning"] = s.Features.Morning, ["day"] = s.Features.Day, ["evening"] = s.Features.Evening, ["loadFactor"] = s.Features.LoadFactor },
            [.. s.Members.Select(m => long.Parse(m, CultureInfo.InvariantCulture)).Order().Take(ListedMembers)]))]);
    }

    private async Task SaveAsync(AppDbContext db, SegmentationResult result, DateOnly from, DateOnly to, string by, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ids = result.Segments.SelectMany(s => s.Members).Select(m => long.Parse(m, CultureInfo.InvariantCulture)).ToList();
        var existing = await db.Set<CustomerSegment>().Where(s => ids.Contains(s.CustomerId)).ToDictionaryAsync(s => s.CustomerId, cancellationToken);
        foreach (var segment in result.Segments)
        {
            foreach (var member in segment.Members)
            {
                var id = long.Parse(member, CultureInfo.InvariantCulture);
                if (!existing.TryGetValue(id, out var row))
                {
                    row = CustomerSegment.Create(id);
                    db.Add(row);
                }

                row.Assign(segment, result, from, to, now, by);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static double Share(int count, int total) => total == 0 ? 0 : Math.Round(100.0 * count / total, 1);
}
