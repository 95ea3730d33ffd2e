using GridCare.Domain.WorkOrders;

namespace GridCare.Features.WorkOrders;

/// <summary>
/// A feature that follows a lifecycle action of <see cref="ChangeWorkOrder"/> with its own change, saved together
/// with the action (revisits start when a repair or complaint is resolved). Handlers run after the aggregate accepted
/// the action and before the save; they may change the order further and add their own rows to the same context.
/// </summary>
public interface IWorkOrderChangeHandler
{
    Task OnChangedAsync(WorkOrder order, ChangeContext context, CancellationToken cancellationToken);
}
