namespace GridCare.Domain.WorkOrders;

/// <summary>
/// An expected refusal. <see cref="Allowed"/> lists what the order does allow in its current state, so an endpoint
/// can answer 409 with the actions the caller may take instead.
/// </summary>
public sealed record WorkOrderError(WorkOrderErrorCode Code, string Message, IReadOnlyList<WorkOrderAction> Allowed)
{
    internal static WorkOrderError Illegal(WorkOrderAction action, WorkOrder order, string? reason = null) => new(
        WorkOrderErrorCode.IllegalTransition,
        reason ?? $"{action} is not allowed on work order {order.Number} while it is {order.Status}.",
        order.AllowedActions());

    internal static WorkOrderError Intake(WorkOrderErrorCode code, string message) => new(code, message, []);
}
