using GridCare.Domain.Outages;
using GridCare.Domain.WorkOrders;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Outages;

/// <summary>The open repair orders that the repair calls among some signals opened at intake, earliest first, tracked.</summary>
public static class CallerOrders
{
    public static async Task<List<WorkOrder>> OpenAsync(AppDbContext db, IReadOnlyList<OutageSignal> signals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(signals);

        // A call's signal id is "<channel>:<the channel's message id>" (CallsInOutages), the contact's external id after the colon.
        var messages = signals.Where(s => s.Kind == SignalKind.RepairCall).Select(s => s.ExternalId[(s.ExternalId.IndexOf(':', StringComparison.Ordinal) + 1)..]).ToList();
        if (messages.Count == 0)
        {
            return [];
        }

        var orderIds = await db.Contacts.AsNoTracking().Where(c => messages.Contains(c.ExternalId) && c.WorkOrderId != null).Select(c => c.WorkOrderId!.Value).Distinct().ToListAsync(cancellationToken);
        return await db.WorkOrders.Include(w => w.Entries).Include(w => w.History).AsSplitQuery()
            .Where(w => orderIds.Contains(w.Id) && w.Type == WorkOrderType.Repair && w.Status != WorkOrderStatus.Closed && w.Status != WorkOrderStatus.Cancelled && w.MergedIntoId == null)
            .OrderBy(w => w.ReceivedAt).ThenBy(w => w.Id)
            .ToListAsync(cancellationToken);
    }
}
