using GridCare.Domain.WorkOrders;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.WorkOrders;

public sealed record CrewOrder(
    string Number,
    WorkOrderType Type,
    WorkOrderStatus Status,
    string? Team,
    string? CustomerName,
    string? Phone,
    string? Address,
    string FirstContactText,
    DateTime ReceivedAt,
    DateTime? NextSlaDeadlineAt);

/// <summary>
/// What a field crew works on, for the phone view: orders dispatched to the crew's units and not yet resolved, with
/// the customer's address and phone (crews call customers on site), most urgent first.
/// </summary>
public sealed class ListCrewOrders(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<CrewOrder>> HandleAsync(StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = scope.VisibleOrgUnitIds.ToList();
        WorkOrderStatus[] active = [WorkOrderStatus.Dispatched, WorkOrderStatus.Accepted, WorkOrderStatus.Arrived];
        var rows = await db.WorkOrders.AsNoTracking()
            .Where(w => visible.Contains(w.OrgUnitId) && active.Contains(w.Status))
            .OrderBy(w => w.NextSlaDeadlineAt == null)
            .ThenBy(w => w.NextSlaDeadlineAt)
            .ThenBy(w => w.ReceivedAt)
            .Take(100)
            .Select(w => new
            {
                w.Number,
                w.Type,
                w.Status,
                w.Team,
                w.ReceivedAt,
                w.NextSlaDeadlineAt,
                Customer = db.Customers.Where(c => c.Id == w.CustomerId).Select(c => new { c.Name, c.Phone, c.Address }).FirstOrDefault(),
                FirstContact = w.Entries.Where(e => e.Kind == EntryKind.CustomerContact).OrderBy(e => e.At).Select(e => e.Text).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new CrewOrder(
            r.Number, r.Type, r.Status, r.Team, r.Customer?.Name, r.Customer?.Phone, r.Customer?.Address, r.FirstContact ?? string.Empty,
            r.ReceivedAt, r.NextSlaDeadlineAt))];
    }
}
