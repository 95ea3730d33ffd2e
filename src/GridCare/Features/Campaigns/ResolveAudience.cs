using GridCare.Domain.Sla;
using GridCare.Features.CustomerProfile;
using GridCare.Features.ProactiveContacts;
using GridCare.Features.Segmentation;
using GridCare.Features.TariffAdvice;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Campaigns;

/// <summary>
/// The customers an audience rule picks among the customers of a unit and the units below it that the caller sees.
/// The lists (proactive contacts, tariff advice) are those features' own, so the campaign reaches exactly whom their
/// pages show.
/// </summary>
public sealed class ResolveAudience(
    IDbContextFactory<AppDbContext> dbFactory, StaffScopeResolver resolver, ListProactiveContacts proactive, ListTariffSavings tariffs)
{
    /// <returns>The customer ids in ascending order; null when the caller does not see the unit.</returns>
    public async Task<IReadOnlyList<long>?> HandleAsync(AudienceSpec spec, int orgUnitId, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (await InsightAccess.UnitsAsync(resolver, scope, orgUnitId, cancellationToken) is not { } unit)
        {
            return null;
        }

        var units = unit.Units.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        IEnumerable<long> ids = spec.Source switch
        {
            AudienceSource.Segment => await SegmentAsync(db, spec, units, cancellationToken),
            AudienceSource.ProactiveContacts => (await proactive.HandleAsync(scope, orgUnitId, spec.AheadDays, spec.BackDays, AudienceSpec.MaxRecipients, cancellationToken))!
                .Customers.Select(c => c.CustomerId),
            AudienceSource.TariffAdvice => (await tariffs.HandleAsync(scope, orgUnitId, spec.Category, spec.LoadShape, AudienceSpec.MaxRecipients, cancellationToken))!
                .Customers.Select(c => c.CustomerId),
            AudienceSource.Customers => await CustomersAsync(db, spec.CustomerIds, units, cancellationToken),
            _ => await ClosedOrdersAsync(db, spec, units, cancellationToken),
        };
        return [.. ids.Distinct().Order().Take(AudienceSpec.MaxRecipients)];
    }

    private static async Task<IEnumerable<long>> SegmentAsync(AppDbContext db, AudienceSpec spec, List<int> units, CancellationToken cancellationToken)
    {
        var query = db.Customers.AsNoTracking().Where(c => units.Contains(c.OrgUnitId));
        if (spec.Category is { } category)
        {
            query = query.Where(c => c.Category == category);
        }

        if (spec.Area is { } area)
        {
            query = query.Where(c => c.AreaType == area);
        }

        if (spec.LoadShape is { } shape)
        {
            var inSegment = db.Set<CustomerSegment>().Where(s => s.Shape == shape).Select(s => s.CustomerId);
            query = query.Where(c => inSegment.Contains(c.Id));
        }

        // Bands and sensitivity are the segment explorer's own rules, applied as it applies them.
        var rows = await query.Select(c => new { c.Id, c.ContractedCapacityKva, c.IsSensitive, c.IsImportant }).ToListAsync(cancellationToken);
        return rows
            .Where(c => (spec.Capacity is null || SegmentQuery.BandOf(c.ContractedCapacityKva) == spec.Capacity)
                && (spec.Sensitivity is null || SegmentQuery.SensitivityOf(c.IsSensitive, c.IsImportant) == spec.Sensitivity))
            .Select(c => c.Id);
    }

    private static async Task<IEnumerable<long>> CustomersAsync(AppDbContext db, IReadOnlyList<long> wanted, List<int> units, CancellationToken cancellationToken)
    {
        var found = new List<long>();
        foreach (var chunk in wanted.Chunk(1000))
        {
            found.AddRange(await db.Customers.AsNoTracking().Where(c => chunk.Contains(c.Id) && units.Contains(c.OrgUnitId)).Select(c => c.Id).ToListAsync(cancellationToken));
        }

        return found;
    }

    private static async Task<IEnumerable<long>> ClosedOrdersAsync(AppDbContext db, AudienceSpec spec, List<int> units, CancellationToken cancellationToken)
    {
        var fromUtc = ChinaTime.FromCst(spec.From!.Value, TimeOnly.MinValue);
        var toUtc = ChinaTime.FromCst(spec.To!.Value.AddDays(1), TimeOnly.MinValue);
        var customers = db.Customers.Where(c => units.Contains(c.OrgUnitId)).Select(c => c.Id);
        return await db.WorkOrders.AsNoTracking()
            .Where(w => w.ClosedAt >= fromUtc && w.ClosedAt < toUtc && w.CustomerId != null && customers.Contains(w.CustomerId.Value))
            .Select(w => w.CustomerId!.Value).Distinct().ToListAsync(cancellationToken);
    }
}
