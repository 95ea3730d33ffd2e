using GridCare.Domain.Outages;
using GridCare.Domain.Staff;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Outages;

/// <summary>Affected customers as staff see them: in the caller's units only, phones masked for roles that do not call.</summary>
public sealed class OutageCustomers(AppDbContext db)
{
    public async Task<IReadOnlyList<AffectedCustomer>> ListAsync(
        IReadOnlyCollection<long> customerIds, Outage? outage, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(scope);
        var visible = scope.VisibleOrgUnitIds.ToList();
        var ids = customerIds.ToList();
        var rows = await db.Customers.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && visible.Contains(c.OrgUnitId))
            .OrderBy(c => c.AccountNumber)
            .Select(c => new { c.Id, c.AccountNumber, c.Name, c.Phone, c.Address, c.IsImportant })
            .ToListAsync(cancellationToken);
        var restored = outage?.Customers.ToDictionary(c => c.CustomerId, c => c.RestoredAt) ?? [];
        return [.. rows.Select(c => new AffectedCustomer(
            c.Id, c.AccountNumber, c.Name, PersonalDataAccess.Phone(c.Phone, scope.Roles), c.Address, c.IsImportant, restored.GetValueOrDefault(c.Id)))];
    }
}
