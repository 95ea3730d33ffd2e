using GridCare.Domain.Customers;
using GridCare.Domain.Network;
using GridCare.Domain.Staff;
using GridCare.Features.Network;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Customers;

public sealed record OrgUnitRef(int Id, string Code, string Name);

public sealed record CustomerDetail(
    long Id,
    string AccountNumber,
    string Name,
    string? Phone,
    string? IdNumber,
    string Address,
    CustomerCategory Category,
    AreaType AreaType,
    decimal ContractedCapacityKva,
    string Tariff,
    bool IsImportant,
    bool IsSensitive,
    string? MeterNumber,
    IReadOnlyList<OrgUnitRef> OrgUnitPath,
    IReadOnlyList<NetworkPathNode> NetworkPath,
    ArrearsRecord Arrears,
    ReconnectionStatus ReconnectionStatus);

/// <summary>
/// One account with the path that supplies it (substation → feeder → switches → transformer → meter → service
/// point), the org units above it, and its arrears and reconnection status from billing. An account outside the caller's units is reported as not found, so its
/// existence is not disclosed.
/// </summary>
public sealed class GetCustomer(IDbContextFactory<AppDbContext> dbFactory, StaffScopeResolver scopes)
{
    public async Task<CustomerDetail?> HandleAsync(long id, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null || !scope.Sees(customer.OrgUnitId))
        {
            return null;
        }

        var path = await NetworkPath.UpFromAsync(db, customer.ServicePointId, cancellationToken);
        var tree = await scopes.TreeAsync(cancellationToken);
        return new CustomerDetail(
            customer.Id,
            customer.AccountNumber,
            customer.Name,
            PersonalDataAccess.Phone(customer.Phone, scope.Roles),
            PersonalDataAccess.IdNumber(customer.IdNumber, scope.Roles),
            customer.Address,
            customer.Category,
            customer.AreaType,
            customer.ContractedCapacityKva,
            customer.Tariff,
            customer.IsImportant,
            customer.IsSensitive,
            path.FirstOrDefault(n => n.Kind == DeviceKind.Meter)?.Code,
            [.. tree.PathTo(customer.OrgUnitId).Select(u => new OrgUnitRef(u.Id, u.Code, u.Name))],
            path,
            customer.Arrears,
            customer.ReconnectionStatus);
    }
}
