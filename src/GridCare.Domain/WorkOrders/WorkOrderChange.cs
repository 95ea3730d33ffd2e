namespace GridCare.Domain.WorkOrders;

/// <summary>One row of a work order's audit history: who did what, when, from which channel, and the state it moved.</summary>
public sealed class WorkOrderChange
{
    private WorkOrderChange()
    {
        Actor = string.Empty;
    }

    internal WorkOrderChange(
        DateTime at, string actor, Channel? channel, WorkOrderAction action, WorkOrderStatus? fromStatus, WorkOrderStatus toStatus, string? detail)
    {
        At = at;
        Actor = actor;
        Channel = channel;
        Action = action;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        Detail = detail;
    }

    public long Id { get; private set; }

    public DateTime At { get; private set; }

    public string Actor { get; private set; }

    public Channel? Channel { get; private set; }

    public WorkOrderAction Action { get; private set; }

    /// <summary>Null only for the row that receives the order.</summary>
    public WorkOrderStatus? FromStatus { get; private set; }

    public WorkOrderStatus ToStatus { get; private set; }

    public string? Detail { get; private set; }
}
