using GridCare.Domain.WorkOrders;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.WorkOrders;

public sealed record ListWorkOrdersRequest(WorkOrderStatus? Status = null, WorkOrderType? Type = null, bool? Breached = null, int Page = 1, int PageSize = 50, long? CustomerId = null, bool OpenOnly = false);

/// <summary>Work orders of the caller's org units: one with its thread and history, or a page ordered by time left.</summary>
public sealed class GetWorkOrder(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<WorkOrderDetail?> HandleAsync(string number, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.WorkOrders.AsNoTracking()
            .Include(w => w.Entries)
            .Include(w => w.History)
            .AsSplitQuery()
            .FirstOrDefaultAsync(w => w.Number == number, cancellationToken);
        return order is not null && scope.Sees(order.OrgUnitId) ? order.ToDetail() : null;
    }

    public async Task<PagedResult<WorkOrderSummary>> ListAsync(ListWorkOrdersRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = scope.VisibleOrgUnitIds.ToList();
        var orders = db.WorkOrders.AsNoTracking().Where(w => visible.Contains(w.OrgUnitId));
        if (request.Status is { } status)
        {
            orders = orders.Where(w => w.Status == status);
        }

        if (request.Type is { } type)
        {
            orders = orders.Where(w => w.Type == type);
        }

        if (request.CustomerId is { } customerId)
        {
            orders = orders.Where(w => w.CustomerId == customerId);
        }

        if (request.OpenOnly)
        {
            orders = orders.Where(w => w.Status != WorkOrderStatus.Closed && w.Status != WorkOrderStatus.Cancelled);
        }

        if (request.Breached is { } breached)
        {
            orders = orders.Where(w => w.IsBreached == breached);
        }

        var total = await orders.CountAsync(cancellationToken);

        // Least time left first; orders without a running deadline after them, newest first.
        var page = await orders
            .OrderBy(w => w.NextSlaDeadlineAt == null)
            .ThenBy(w => w.NextSlaDeadlineAt)
            .ThenByDescending(w => w.ReceivedAt)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<WorkOrderSummary>([.. page.Select(w => w.ToSummary())], total, request.Page, request.PageSize);
    }
}
