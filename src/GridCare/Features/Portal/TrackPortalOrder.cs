using GridCare.Domain.WorkOrders;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Portal;

public sealed record PortalEntry(DateTime At, EntryKind Kind, string Text);

/// <summary>What the customer may see of their order: never internal notes, staff names or SLA internals.</summary>
public sealed record PortalOrderView(
    string Number,
    WorkOrderType Type,
    WorkOrderStatus Status,
    DateTime ReceivedAt,
    DateTime? DispatchedAt,
    DateTime? ArrivedAt,
    DateTime? ResolvedAt,
    DateTime? ClosedAt,
    DateTime? DueAt,
    IReadOnlyList<PortalEntry> Entries);

/// <summary>An order looked up by its number and the phone on record; a wrong pair is "not found", like a wrong number.</summary>
public sealed class TrackPortalOrder(AppDbContext db)
{
    public async Task<PortalOrderView?> HandleAsync(string number, string phone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        var wanted = PortalCustomers.Normalize(number).ToUpperInvariant();
        var order = await db.WorkOrders.AsNoTracking()
            .Include(w => w.Entries)
            .FirstOrDefaultAsync(w => w.Number == wanted, cancellationToken);
        if (order is null || !await PortalCustomers.OwnsAsync(db, order.CustomerId, phone, cancellationToken))
        {
            return null;
        }

        return new PortalOrderView(
            order.Number,
            order.Type,
            order.Status,
            order.ReceivedAt,
            order.DispatchedAt,
            order.ArrivedAt,
            order.ResolvedAt,
            order.ClosedAt,
            order.IsOpen ? order.ResolutionDueAt ?? order.ReplyDueAt : null,
            [.. order.Entries.Where(e => e.IsCustomerVisible).OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new PortalEntry(e.At, e.Kind, e.Text))]);
    }
}
