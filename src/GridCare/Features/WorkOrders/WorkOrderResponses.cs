using GridCare.Domain.WorkOrders;

namespace GridCare.Features.WorkOrders;

/// <summary>The order's deadlines; <c>NextSlaWarningAt</c> is when the scanner warns (the configured share of the next target's time used).</summary>
public sealed record SlaDeadlines(
    string? Policy,
    DateTime? FirstContactDueAt,
    DateTime? ArrivalDueAt,
    DateTime? ResolutionDueAt,
    DateTime? ReplyDueAt,
    DateTime? NextSlaDeadlineAt,
    bool IsClockPaused,
    bool IsBreached,
    DateTime? NextSlaWarningAt);

public sealed record WorkOrderSummary(
    long Id,
    string Number,
    WorkOrderType Type,
    ComplaintClass? ComplaintClass,
    ServiceApplicationKind? ServiceApplication,
    WorkOrderStatus Status,
    WorkOrderPriority Priority,
    Channel Channel,
    int OrgUnitId,
    string? Team,
    long? CustomerId,
    IReadOnlyList<long> CandidateCustomerIds,
    DateTime ReceivedAt,
    int ContactCount,
    int RepeatContactCount,
    SlaDeadlines Sla);

public sealed record WorkOrderEntryResponse(DateTime At, EntryKind Kind, string Actor, string Text, bool IsCustomerVisible, Channel? Channel, Guid? AttachmentId = null);

public sealed record WorkOrderChangeResponse(DateTime At, string Actor, Channel? Channel, WorkOrderAction Action, WorkOrderStatus? FromStatus, WorkOrderStatus ToStatus, string? Detail);

public sealed record WorkOrderDetail(
    WorkOrderSummary Order,
    string? CauseCode,
    string? ResolutionCode,
    RevisitResult? RevisitResult,
    string? RevisitComment,
    int ReopenCount,
    string? MergedIntoNumber,
    IReadOnlyList<WorkOrderAction> AllowedActions,
    IReadOnlyList<WorkOrderEntryResponse> Entries,
    IReadOnlyList<WorkOrderChangeResponse> History);

public static class WorkOrderResponses
{
    public static WorkOrderSummary ToSummary(this WorkOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new WorkOrderSummary(
            order.Id, order.Number, order.Type, order.ComplaintClass, order.ServiceApplication, order.Status, order.Priority, order.Channel,
            order.OrgUnitId, order.Team, order.CustomerId, order.CandidateCustomerIds, order.ReceivedAt, order.ContactCount, order.RepeatContactCount,
            new SlaDeadlines(
                order.SlaPolicyName, order.FirstContactDueAt, order.ArrivalDueAt, order.ResolutionDueAt, order.ReplyDueAt,
                order.NextSlaDeadlineAt, order.IsClockPaused, order.IsBreached, order.NextSlaWarningAt));
    }

    public static WorkOrderDetail ToDetail(this WorkOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new WorkOrderDetail(
            order.ToSummary(), order.CauseCode, order.ResolutionCode, order.RevisitResult, order.RevisitComment, order.ReopenCount, order.MergedIntoNumber,
            order.AllowedActions(),
            [.. order.Entries.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new WorkOrderEntryResponse(e.At, e.Kind, e.Actor, e.Text, e.IsCustomerVisible, e.Channel, e.AttachmentId))],
            [.. order.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new WorkOrderChangeResponse(h.At, h.Actor, h.Channel, h.Action, h.FromStatus, h.ToStatus, h.Detail))]);
    }
}
