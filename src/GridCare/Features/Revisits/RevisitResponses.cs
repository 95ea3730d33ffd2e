using GridCare.Domain.Revisits;
using GridCare.Domain.WorkOrders;

namespace GridCare.Features.Revisits;

public sealed record RevisitTaskResponse(
    long Id,
    string OrderNumber,
    WorkOrderType Type,
    ComplaintClass? ComplaintClass,
    int OrgUnitId,
    long? CustomerId,
    string? CustomerName,
    string? Phone,
    int Round,
    DateTime CreatedAt,
    DateTime DueAt,
    bool IsDue,
    RevisitTaskStatus Status,
    RevisitResult? Result,
    string? Comment,
    DateTime? AnsweredAt,
    string? AnsweredBy,
    RevisitSource? Source,
    RevisitFollowUp? FollowUp,
    string? FollowUpOrderNumber,
    bool Invited,
    DateTime? LinkExpiresAt,
    bool LinkUsed,
    string? CancelReason);

public static class RevisitResponses
{
    public static RevisitTaskResponse ToResponse(this RevisitTask task, string? customerName, string? phone, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new RevisitTaskResponse(
            task.Id, task.WorkOrderNumber, task.Type, task.ComplaintClass, task.OrgUnitId, task.CustomerId, customerName, phone, task.Round,
            task.CreatedAt, task.DueAt, task.IsDue(nowUtc), task.Status, task.Result, task.Comment, task.AnsweredAt, task.AnsweredBy, task.Source,
            task.FollowUp, task.FollowUpOrderNumber, task.LinkTokenHash is not null, task.LinkExpiresAt, task.LinkUsedAt is not null, task.CancelReason);
    }
}
