namespace GridCare.Domain.WorkOrders;

public enum WorkOrderStatus
{
    /// <summary>受理: taken in from a channel, not yet routed; a reopened order comes back here.</summary>
    Received,

    /// <summary>派单: routed to an org unit and team.</summary>
    Dispatched,

    /// <summary>接单: the unit or crew took it on.</summary>
    Accepted,

    /// <summary>到达现场: repairs only.</summary>
    Arrived,

    /// <summary>处理完毕: handled, with cause and resolution codes.</summary>
    Resolved,

    /// <summary>回访: the customer is being asked whether they are satisfied.</summary>
    Revisit,

    /// <summary>归档: finished; a new contact opens a new order.</summary>
    Closed,

    /// <summary>Withdrawn with a reason, or merged into another order.</summary>
    Cancelled,
}
