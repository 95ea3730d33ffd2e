namespace GridCare.Domain.WorkOrders;

public enum WorkOrderErrorCode
{
    /// <summary>The action is not allowed in the order's current state (409).</summary>
    IllegalTransition,

    /// <summary>A complaint needs one of the five complaint classes (422).</summary>
    ComplaintClassRequired,

    /// <summary>Only complaints carry a complaint class (422).</summary>
    ComplaintClassNotAllowed,

    /// <summary>A service application needs its kind (422).</summary>
    ServiceApplicationRequired,

    /// <summary>Only service applications carry a service application kind (422).</summary>
    ServiceApplicationNotAllowed,

    /// <summary>An order cannot be merged into itself (409).</summary>
    MergeIntoItself,

    /// <summary>Only orders of the same type are merged, e.g. repair calls about one outage (409).</summary>
    MergeTypeMismatch,

    /// <summary>The order to merge into is resolved, closed or cancelled (409).</summary>
    MergeTargetNotOpen,

    /// <summary>The order already holds as many attachments as one order takes (409).</summary>
    AttachmentLimitReached,
}
