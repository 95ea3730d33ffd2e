using GridCare.Analytics.Segmentation;
using GridCare.Domain.Outages;
using GridCare.Domain.Sla;
using GridCare.Domain.Staff;
using GridCare.Features.CustomerProfile;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.ProactiveContacts;

/// <summary>Why a customer is on the list: a planned outage (its number and start) or a hot transformer (its code and peak load).</summary>
public sealed record ProactiveReason(string Kind, string Reference, DateTime? At, double? PeakLoadPercent, int? OverloadMinutes);

public sealed record ProactiveCustomer(long CustomerId, string AccountNumber, string Name, string? Phone, string Address, bool Important, bool Sensitive, IReadOnlyList<ProactiveReason> Reasons);

public sealed record ProactiveContactsResponse(int OrgUnitId, string OrgUnitName, DateOnly From, DateOnly To, int PlannedOutages, int HotTransformers, int Total, IReadOnlyList<ProactiveCustomer> Customers);

/// <summary>
/// Customers to call before they call us: those inside a scheduled planned outage starting in the next days, and those
/// fed by a transformer that ran heavy or overloaded on recent days (the daily meter analysis). Sensitive and
/// important customers first, then by how many reasons they have.
/// </summary>
public sealed class ListProactiveContacts(IDbContextFactory<AppDbContext> dbFactory, StaffScopeResolver resolver, HotTransformerReader transformers, TimeProvider time)
{
    public async Task<ProactiveContactsResponse?> HandleAsync(StaffScope scope, int? orgUnitId, int aheadDays, int backDays, int limit, CancellationToken cancellationToken)
    {
        if (await InsightAccess.UnitsAsync(resolver, scope, orgUnitId, cancellationToken) is not { } unit)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var today = ChinaTime.DateOf(now);
        var until = now.AddDays(aheadDays);
        var units = unit.Units.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var planned = await db.Set<OutageCustomer>().AsNoTracking()
            .Join(db.Set<Outage>().Where(o => o.Kind == OutageKind.Planned && o.Status == OutageStatus.Scheduled && o.PlannedStart >= now && o.PlannedStart <= until),
                c => c.OutageId, o => o.Id, (c, o) => new { c.CustomerId, o.Number, o.PlannedStart })
            .ToListAsync(cancellationToken);
        var hot = await transformers.ListAsync(unit.Units, today.AddDays(-backDays), today, cancellationToken);
        var reasons = planned.Select(p => (p.CustomerId, Reason: new ProactiveReason("plannedOutage", p.Number, p.PlannedStart, null, null)))
            .Concat(hot.SelectMany(t => t.CustomerIds.Select(id => (CustomerId: id, Reason: new ProactiveReason("hotTransformer", t.TransformerCode, null, Math.Round(100 * t.PeakLoadRate, 1), t.OverloadMinutes)))))
            .ToLookup(r => r.CustomerId, r => r.Reason);
        var ids = reasons.Select(r => r.Key).ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id) && units.Contains(c.OrgUnitId))
            .Select(c => new { c.Id, c.AccountNumber, c.Name, c.Phone, c.Address, c.IsImportant, c.IsSensitive }).ToListAsync(cancellationToken);
        var listed = customers
            .Select(c => new ProactiveCustomer(c.Id, c.AccountNumber, c.Name, PersonalDataAccess.Phone(c.Phone, scope.Roles), c.Address, c.IsImportant, c.IsSensitive, [.. reasons[c.Id]]))
            .OrderByDescending(c => c.Sensitive || c.Important).ThenByDescending(c => c.Reasons.Count).ThenBy(c => c.AccountNumber, StringComparer.Ordinal)
            .ToList();
        return new ProactiveContactsResponse(
            unit.Id, unit.Name, today.AddDays(-backDays), ChinaTime.DateOf(until), planned.Select(p => p.Number).Distinct().Count(), hot.Count, listed.Count, [.. listed.Take(limit)]);
    }
}
