using GridCare.Domain.WorkOrders;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Portal.SignIn;

public sealed record CustomerAccountView(string AccountNumber, string Name, string Address);

public sealed record CustomerOrderRow(string Number, string AccountNumber, WorkOrderType Type, WorkOrderStatus Status, DateTime ReceivedAt);

public sealed record CustomerOrders(IReadOnlyList<CustomerAccountView> Accounts, IReadOnlyList<CustomerOrderRow> Orders);

/// <summary>A signed-in customer's accounts (every account with the verified phone on record) and their latest orders.</summary>
public sealed class ListCustomerOrders(AppDbContext db)
{
    public const int Shown = 50;

    public async Task<CustomerOrders> HandleAsync(string verifiedPhone, CancellationToken cancellationToken)
    {
        var accounts = await db.Customers.AsNoTracking()
            .Where(c => c.Phone == verifiedPhone)
            .OrderBy(c => c.AccountNumber)
            .Select(c => new { c.Id, c.AccountNumber, c.Name, c.Address })
            .ToListAsync(cancellationToken);
        var ids = accounts.Select(a => a.Id).ToList();
        var orders = await db.WorkOrders.AsNoTracking()
            .Where(w => w.CustomerId != null && ids.Contains(w.CustomerId.Value))
            .OrderByDescending(w => w.ReceivedAt)
            .Take(Shown)
            .Select(w => new { w.Number, w.CustomerId, w.Type, w.Status, w.ReceivedAt })
            .ToListAsync(cancellationToken);
        var accountOf = accounts.ToDictionary(a => a.Id, a => a.AccountNumber);
        return new CustomerOrders(
            [.. accounts.Select(a => new CustomerAccountView(a.AccountNumber, a.Name, a.Address))],
            [.. orders.Select(o => new CustomerOrderRow(o.Number, accountOf[o.CustomerId!.Value], o.Type, o.Status, o.ReceivedAt))]);
    }
}
