namespace GridCare.Domain.WorkOrders;

/// <summary>
/// The attachment on the order — a new one, or the one already holding the same content (<see cref="IsNew"/> false)
/// — or why nothing was attached.
/// </summary>
public sealed record AttachResult(WorkOrderAttachment? Attachment, bool IsNew, WorkOrderError? Error);
