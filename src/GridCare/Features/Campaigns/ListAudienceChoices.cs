using GridCare.Analytics.Segmentation;
using GridCare.Features.CustomerProfile;
using GridCare.Features.Segmentation;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Campaigns;

/// <summary>A saved load-shape segment an audience can pick, and how many of the unit's customers are in it.</summary>
public sealed record ShapeChoice(LoadShape Shape, int Customers);

/// <summary>
/// What the campaign form offers for a segment audience: the load shapes of the segments saved for the unit's
/// customers (the segment explorer saves them), and the bands, categories, areas and sensitivities the segmentation
/// defines. The values are the API's names, so the form sends what the API accepts.
/// </summary>
public sealed class ListAudienceChoices(IDbContextFactory<AppDbContext> dbFactory, StaffScopeResolver resolver)
{
    /// <returns>The saved shapes, largest first; null when the caller does not see the unit.</returns>
    public async Task<IReadOnlyList<ShapeChoice>?> ShapesAsync(StaffScope scope, int orgUnitId, CancellationToken cancellationToken)
    {
        if (await InsightAccess.UnitsAsync(resolver, scope, orgUnitId, cancellationToken) is not { } unit)
        {
            return null;
        }

        var units = unit.Units.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var inUnits = db.Customers.Where(c => units.Contains(c.OrgUnitId)).Select(c => c.Id);
        var shapes = await db.Set<CustomerSegment>().AsNoTracking().Where(s => inUnits.Contains(s.CustomerId))
            .GroupBy(s => s.Shape).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return [.. shapes.OrderByDescending(s => s.Count).ThenBy(s => s.Key).Select(s => new ShapeChoice(s.Key, s.Count))];
    }

    public static IReadOnlyList<Domain.Customers.CustomerCategory> Categories { get; } = Enum.GetValues<Domain.Customers.CustomerCategory>();

    public static IReadOnlyList<CapacityBand> Capacities { get; } = Enum.GetValues<CapacityBand>();

    public static IReadOnlyList<Domain.Network.AreaType> Areas { get; } = Enum.GetValues<Domain.Network.AreaType>();

    public static IReadOnlyList<Sensitivity> Sensitivities { get; } = Enum.GetValues<Sensitivity>();
}
