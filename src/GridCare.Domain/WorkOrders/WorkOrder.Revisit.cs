namespace GridCare.Domain.WorkOrders;

public sealed partial class WorkOrder
{
    /// <summary>Who starts the revisit of a resolved order: GridCare itself, when the order is resolved.</summary>
    public const string RevisitActor = "revisit";

    /// <summary>Whether the order is revisited before it closes: repairs and complaints (DOMAIN.md §5).</summary>
    public bool IsRevisitedBeforeClosing => NeedsRevisit;

    /// <summary>
    /// The customer is unsatisfied with how they were served rather than with the fix itself, so the matter goes on
    /// as a complaint (<paramref name="complaintNumber"/>, already taken in) and this order closes with the answer and
    /// a note pointing to the complaint.
    /// </summary>
    public WorkOrderError? RecordRevisitAsComplaint(string? comment, string complaintNumber, ChangeContext context)
    {
        DomainRuleException.ThrowIfBlank(complaintNumber, nameof(complaintNumber));
        return Move(WorkOrderAction.RecordRevisit, WorkOrderStatus.Closed, context, () =>
        {
            RevisitResult = WorkOrders.RevisitResult.Unsatisfied;
            RevisitComment = string.IsNullOrWhiteSpace(comment) ? null : comment;
            RevisitedAt = context.AtUtc;
            ClosedAt = context.AtUtc;
            entries.Add(new WorkOrderEntry(
                context.AtUtc, EntryKind.SystemEvent, context.Actor, $"Unsatisfied revisit: complaint {complaintNumber} opened", isCustomerVisible: false, context.Channel));
            return $"{WorkOrders.RevisitResult.Unsatisfied}: complaint {complaintNumber} opened";
        });
    }
}
