using GridCare.Domain.WorkOrders;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.WorkOrders;

public static class WorkOrderQueries
{
    /// <summary>
    /// Orders with their thread and history: the aggregate's rules read the thread (the first customer-visible reply
    /// meets FirstContact), so every change loads it; split queries keep the two collections from multiplying rows.
    /// </summary>
    public static IQueryable<WorkOrder> WithThread(this IQueryable<WorkOrder> orders) =>
        orders.Include(w => w.Entries).Include(w => w.History).AsSplitQuery();
}
