using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;

namespace GridCare.Domain.Revisits;

/// <summary>
/// One revisit (回访) of a resolved order: due for agents some time after the resolution, answerable by the customer
/// before that through a signed single-use link, and kept after the answer as a satisfaction result of the order's
/// unit. A reopened order that is resolved again gets a new task, so every answer is counted.
/// </summary>
public sealed class RevisitTask
{
    private RevisitTask()
    {
        WorkOrderNumber = string.Empty;
    }

    public long Id { get; private set; }

    public long WorkOrderId { get; private set; }

    public string WorkOrderNumber { get; private set; }

    /// <summary>The unit responsible for the order when it was resolved; results are reported by it.</summary>
    public int OrgUnitId { get; private set; }

    public WorkOrderType Type { get; private set; }

    public ComplaintClass? ComplaintClass { get; private set; }

    public long? CustomerId { get; private set; }

    /// <summary>1 for the first resolution, 2 after one reopen, …</summary>
    public int Round { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>From here the revisit is the agents' job; before it the customer may answer the invitation.</summary>
    public DateTime DueAt { get; private set; }

    public RevisitTaskStatus Status { get; private set; }

    /// <summary>SHA-256 of the invitation link's token (hex); the token itself is only in the message.</summary>
    public string? LinkTokenHash { get; private set; }

    public DateTime? LinkExpiresAt { get; private set; }

    public DateTime? LinkUsedAt { get; private set; }

    public RevisitResult? Result { get; private set; }

    public string? Comment { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    /// <summary>The China calendar day of the answer, so results group by day in the database.</summary>
    public DateOnly? AnsweredOn { get; private set; }

    public string? AnsweredBy { get; private set; }

    public RevisitSource? Source { get; private set; }

    public RevisitFollowUp? FollowUp { get; private set; }

    /// <summary>The complaint opened by an unsatisfied answer.</summary>
    public string? FollowUpOrderNumber { get; private set; }

    public string? CancelReason { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    /// <summary>Opens the task for an order that has just entered its revisit.</summary>
    public static RevisitTask Open(WorkOrder order, DateTime atUtc, TimeSpan dueAfter)
    {
        ArgumentNullException.ThrowIfNull(order);
        ChinaTime.RequireUtc(atUtc, nameof(atUtc));
        if (order.Status != WorkOrderStatus.Revisit)
        {
            throw new DomainRuleException($"{order.Number} is {order.Status}, not awaiting a revisit.");
        }

        if (dueAfter < TimeSpan.Zero)
        {
            throw new DomainRuleException("A revisit cannot be due before it is opened.");
        }

        return new RevisitTask
        {
            WorkOrderId = order.Id,
            WorkOrderNumber = order.Number,
            OrgUnitId = order.OrgUnitId,
            Type = order.Type,
            ComplaintClass = order.ComplaintClass,
            CustomerId = order.CustomerId,
            Round = order.ReopenCount + 1,
            CreatedAt = atUtc,
            DueAt = atUtc + dueAfter,
            Status = RevisitTaskStatus.Open,
        };
    }

    public bool IsDue(DateTime nowUtc) => Status == RevisitTaskStatus.Open && DueAt <= nowUtc;

    /// <summary>Keeps the hash of the invitation link's token; one link per task.</summary>
    public void AttachLink(string tokenHash, DateTime expiresAtUtc)
    {
        DomainRuleException.ThrowIfBlank(tokenHash, nameof(tokenHash));
        ChinaTime.RequireUtc(expiresAtUtc, nameof(expiresAtUtc));
        if (LinkTokenHash is not null)
        {
            throw new DomainRuleException($"The revisit of {WorkOrderNumber} already has a link.");
        }

        LinkTokenHash = tokenHash;
        LinkExpiresAt = expiresAtUtc;
    }

    /// <summary>Whether the link may open the form now: the task still open, the link unused and not expired.</summary>
    public bool LinkIsValid(DateTime nowUtc) =>
        Status == RevisitTaskStatus.Open && LinkTokenHash is not null && LinkUsedAt is null && nowUtc < LinkExpiresAt;

    /// <summary>Records the answer; an answer through the link uses the link up.</summary>
    public void Answer(RevisitAnswer answer, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ChinaTime.RequireUtc(atUtc, nameof(atUtc));
        DomainRuleException.ThrowIfBlank(answer.By, "by");
        RequireOpen();
        if (!Enum.IsDefined(answer.Result))
        {
            throw new DomainRuleException($"Unknown revisit result {answer.Result}.");
        }

        if ((answer.FollowUp is not null) != (answer.Result == RevisitResult.Unsatisfied))
        {
            throw new DomainRuleException("Only an unsatisfied answer, and every unsatisfied answer, has a follow-up.");
        }

        if ((answer.FollowUp == RevisitFollowUp.Complaint) != (answer.FollowUpOrderNumber is not null))
        {
            throw new DomainRuleException("A complaint follow-up names the complaint, and only it does.");
        }

        if (answer.Source == RevisitSource.SmsLink && !LinkIsValid(atUtc))
        {
            throw new DomainRuleException($"The link of the revisit of {WorkOrderNumber} is used or expired.");
        }

        Status = RevisitTaskStatus.Answered;
        Result = answer.Result;
        Comment = string.IsNullOrWhiteSpace(answer.Comment) ? null : answer.Comment.Trim();
        AnsweredAt = atUtc;
        AnsweredOn = ChinaTime.DateOf(atUtc);
        AnsweredBy = answer.By;
        Source = answer.Source;
        FollowUp = answer.FollowUp;
        FollowUpOrderNumber = answer.FollowUpOrderNumber;
        ClosedAt = atUtc;
        if (answer.Source == RevisitSource.SmsLink)
        {
            LinkUsedAt = atUtc;
        }
    }

    /// <summary>The order left its revisit another way (closed without reaching the customer, reopened).</summary>
    public void Cancel(string reason, DateTime atUtc)
    {
        DomainRuleException.ThrowIfBlank(reason, nameof(reason));
        ChinaTime.RequireUtc(atUtc, nameof(atUtc));
        RequireOpen();
        Status = RevisitTaskStatus.Cancelled;
        CancelReason = reason;
        ClosedAt = atUtc;
    }

    private void RequireOpen()
    {
        if (Status != RevisitTaskStatus.Open)
        {
            throw new DomainRuleException($"The revisit of {WorkOrderNumber} is already {Status}.");
        }
    }
}

/// <summary>An answer to a revisit: the result, who took it and how, and what an unsatisfied one led to.</summary>
public sealed record RevisitAnswer(
    RevisitResult Result,
    string? Comment,
    string By,
    RevisitSource Source,
    RevisitFollowUp? FollowUp = null,
    string? FollowUpOrderNumber = null);
