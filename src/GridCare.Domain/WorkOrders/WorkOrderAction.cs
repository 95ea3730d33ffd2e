namespace GridCare.Domain.WorkOrders;

/// <summary>
/// What can happen to a work order. <see cref="WorkOrder.AllowedActions"/> offers the ones staff can take in the
/// current state; <see cref="Receive"/>, <see cref="MarkWarned"/>, <see cref="MarkBreached"/>,
/// <see cref="RetimeSla"/> and <see cref="Attach"/> are never offered and appear only in the history.
/// </summary>
public enum WorkOrderAction
{
    Receive,

    /// <summary>Route to an org unit and team; again from Dispatched or Accepted to re-route (改派).</summary>
    Dispatch,

    Accept,

    /// <summary>The crew is on site; repairs only.</summary>
    Arrive,

    Resolve,

    StartRevisit,

    RecordRevisit,

    Close,

    Reopen,

    Cancel,

    /// <summary>This order is a duplicate and becomes part of another open order.</summary>
    Merge,

    /// <summary>The same customer contacts again about this open order.</summary>
    AddContact,

    /// <summary>An agent note or crew report; allowed in every state.</summary>
    AddNote,

    /// <summary>Match an unidentified contact to a customer account.</summary>
    IdentifyCustomer,

    /// <summary>Wait on the customer (待客户反馈): the SLA clock stands still.</summary>
    PauseClock,

    ResumeClock,

    MarkWarned,

    MarkBreached,

    /// <summary>Administrators changed the SLA settings; the deadlines not met yet were counted again.</summary>
    RetimeSla,
    /// <summary>A file attached to the order; uploaded through its own endpoint, never offered as an action.</summary>
    Attach,

    /// <summary>An agent changes the type or complaint class (the customer's words were read wrongly); re-times the SLA.</summary>
    Reclassify,
}
