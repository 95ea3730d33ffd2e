using GridCare.Domain.Network;
using GridCare.Domain.Sla;

namespace GridCare.Domain.WorkOrders;

/// <summary>
/// One customer matter, whatever channel it came in on: a thread of entries, a lifecycle, SLA deadlines and an audit
/// history. Every change takes a <see cref="ChangeContext"/>, appends a <see cref="WorkOrderChange"/> and re-times
/// the deadlines; a change that the state does not allow returns a <see cref="WorkOrderError"/> and changes nothing.
/// </summary>
public sealed partial class WorkOrder
{
    private readonly List<long> candidateCustomerIds = [];
    private readonly List<WorkOrderEntry> entries = [];
    private readonly List<WorkOrderChange> history = [];

    private WorkOrder()
    {
        Number = string.Empty;
    }

    public long Id { get; private set; }

    public string Number { get; private set; }

    public string? ExternalId { get; private set; }

    public WorkOrderType Type { get; private set; }

    /// <summary>Set for complaints only.</summary>
    public ComplaintClass? ComplaintClass { get; private set; }

    /// <summary>Set for service applications only.</summary>
    public ServiceApplicationKind? ServiceApplication { get; private set; }

    /// <summary>The channel of the first contact.</summary>
    public Channel Channel { get; private set; }

    public WorkOrderStatus Status { get; private set; }

    public WorkOrderPriority Priority { get; private set; }

    /// <summary>The org unit responsible for the order.</summary>
    public int OrgUnitId { get; private set; }

    /// <summary>The team or crew it is dispatched to.</summary>
    public string? Team { get; private set; }

    /// <summary>Null while the contact is unidentified.</summary>
    public long? CustomerId { get; private set; }

    /// <summary>Accounts an unidentified contact may belong to, e.g. several accounts sharing the caller's phone.</summary>
    public IReadOnlyList<long> CandidateCustomerIds => candidateCustomerIds;

    public AreaType? AreaType { get; private set; }

    public bool ImportantCustomer { get; private set; }

    public bool SensitiveCustomer { get; private set; }

    public DateTime ReceivedAt { get; private set; }

    public DateTime? DispatchedAt { get; private set; }

    public DateTime? AcceptedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public string? CauseCode { get; private set; }

    public string? ResolutionCode { get; private set; }

    public string? CancelReason { get; private set; }

    public RevisitResult? RevisitResult { get; private set; }

    public string? RevisitComment { get; private set; }

    public DateTime? RevisitedAt { get; private set; }

    /// <summary>Customer contacts this order stands for: its own, and those of the orders merged into it.</summary>
    public int ContactCount { get; private set; }

    /// <summary>Contacts after the first from the customer of this order, for the repeat-call indicator.</summary>
    public int RepeatContactCount { get; private set; }

    public DateTime LastContactAt { get; private set; }

    public int ReopenCount { get; private set; }

    public int MergedOrderCount { get; private set; }

    /// <summary>Set when this order was merged into another; its callers are found through this link.</summary>
    public long? MergedIntoId { get; private set; }

    public string? MergedIntoNumber { get; private set; }

    public IReadOnlyList<WorkOrderEntry> Entries => entries;

    public IReadOnlyList<WorkOrderChange> History => history;

    public bool IsOpen => Status is not (WorkOrderStatus.Closed or WorkOrderStatus.Cancelled);

    /// <summary>
    /// Takes in a first contact: checks the type rules, records the customer's words and a history row, and times the
    /// order by the best matching policy (none matching leaves the order without deadlines).
    /// </summary>
    public static ReceiveResult Receive(WorkOrderIntake intake, IEnumerable<SlaPolicy> policies, SlaClock clock)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(clock);
        if (CheckIntake(intake) is { } error)
        {
            return new ReceiveResult(null, error);
        }

        if (!WorkOrderNumber.TryParse(intake.Number, out _))
        {
            throw new DomainRuleException($"'{intake.Number}' is not a work order number.");
        }

        if (intake.Customer is not null && intake.CandidateCustomerIds.Count > 0)
        {
            throw new DomainRuleException("Candidate customers are kept only for unidentified contacts.");
        }

        ChinaTime.RequireUtc(intake.ReceivedAtUtc, nameof(intake));
        var order = new WorkOrder
        {
            Number = intake.Number,
            ExternalId = intake.ExternalId,
            Type = intake.Type,
            ComplaintClass = intake.ComplaintClass,
            ServiceApplication = intake.ServiceApplication,
            Channel = intake.Channel,
            Status = WorkOrderStatus.Received,
            Priority = intake.Priority,
            OrgUnitId = intake.OrgUnitId,
            CustomerId = intake.Customer?.CustomerId,
            AreaType = intake.Customer?.AreaType ?? intake.AreaType,
            ImportantCustomer = intake.Customer?.IsImportant ?? false,
            SensitiveCustomer = intake.Customer?.IsSensitive ?? false,
            ReceivedAt = intake.ReceivedAtUtc,
            LastContactAt = intake.ReceivedAtUtc,
            ContactCount = 1,
        };
        order.candidateCustomerIds.AddRange(intake.CandidateCustomerIds.Distinct());
        order.TimeBy(SlaPolicy.BestMatch(policies, order.SlaSubject()), clock);

        var context = new ChangeContext(intake.Actor, intake.ReceivedAtUtc, clock, intake.Channel);
        order.entries.Add(new WorkOrderEntry(context.AtUtc, EntryKind.CustomerContact, context.Actor, intake.Text, isCustomerVisible: true, intake.Channel));
        order.Record(WorkOrderAction.Receive, fromStatus: null, context, $"{intake.Type}, SLA policy {order.SlaPolicyName ?? "none"}");
        return new ReceiveResult(order, null);
    }

    /// <summary>The facts SLA policies select on, as the order knows them now.</summary>
    public SlaSubject SlaSubject() => new(
        Type, AreaType, Channel, ComplaintClass, ServiceApplication, ImportantCustomer, SensitiveCustomer);

    private static WorkOrderError? CheckIntake(WorkOrderIntake intake) =>
        CheckClassification(intake.Type, intake.ComplaintClass, intake.ServiceApplication);

    private static WorkOrderError? CheckClassification(WorkOrderType type, ComplaintClass? complaintClass, ServiceApplicationKind? application)
    {
        var isComplaint = type == WorkOrderType.Complaint;
        var isApplication = type == WorkOrderType.ServiceApplication;
        return (complaintClass, application) switch
        {
            (null, _) when isComplaint => WorkOrderError.Intake(
                WorkOrderErrorCode.ComplaintClassRequired, "A complaint needs a complaint class."),
            (not null, _) when !isComplaint => WorkOrderError.Intake(
                WorkOrderErrorCode.ComplaintClassNotAllowed, $"A {type} order has no complaint class."),
            (_, null) when isApplication => WorkOrderError.Intake(
                WorkOrderErrorCode.ServiceApplicationRequired, "A service application needs its kind."),
            (_, not null) when !isApplication => WorkOrderError.Intake(
                WorkOrderErrorCode.ServiceApplicationNotAllowed, $"A {type} order has no service application kind."),
            _ => null,
        };
    }

    /// <summary>Appends the history row of a change and re-times the deadlines.</summary>
    private void Record(WorkOrderAction action, WorkOrderStatus? fromStatus, ChangeContext context, string? detail = null)
    {
        history.Add(new WorkOrderChange(context.AtUtc, context.Actor, context.Channel, action, fromStatus, Status, detail));
        RecomputeSla(context.Clock);
    }

    private void Require(ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(context.Clock);
        DomainRuleException.ThrowIfBlank(context.Actor, "actor");
        ChinaTime.RequireUtc(context.AtUtc, nameof(context));
        if (context.AtUtc < ReceivedAt)
        {
            throw new DomainRuleException($"A change at {context.AtUtc:O} predates the receipt of {Number} at {ReceivedAt:O}.");
        }
    }
}
