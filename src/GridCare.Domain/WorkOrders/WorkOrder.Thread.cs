using GridCare.Domain.Sla;

namespace GridCare.Domain.WorkOrders;

public sealed partial class WorkOrder
{
    /// <summary>
    /// Whether a new contact belongs on this order instead of a new one: same customer, same type, the order still
    /// open, and the last contact within <paramref name="window"/> (the intake setting). Contacts arriving at the same
    /// moment on several channels are taken in concurrently and may be saved out of order — the second of two first
    /// calls can be stamped a moment before the order the first one opened — so the window counts both ways from
    /// the last contact.
    /// </summary>
    public bool IsRepeatContact(long? customerId, WorkOrderType type, DateTime atUtc, TimeSpan window) =>
        customerId is not null
        && customerId == CustomerId
        && type == Type
        && Allows(WorkOrderAction.AddContact)
        && (atUtc - LastContactAt).Duration() <= window;

    /// <summary>
    /// The customer contacts again about this order (催办); the customer is no longer being waited on. A contact made
    /// before the order was received joins the thread at the receipt, since nothing of an order precedes its receipt.
    /// </summary>
    public WorkOrderError? AddContact(string text, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.AtUtc < ReceivedAt)
        {
            context = context with { AtUtc = ReceivedAt };
        }

        Require(context);
        if (context.Channel is null)
        {
            throw new DomainRuleException("A customer contact comes in through a channel.");
        }

        if (!Allows(WorkOrderAction.AddContact))
        {
            return WorkOrderError.Illegal(WorkOrderAction.AddContact, this);
        }

        entries.Add(new WorkOrderEntry(context.AtUtc, EntryKind.CustomerContact, context.Actor, text, isCustomerVisible: true, context.Channel));
        EndPause(context.AtUtc);
        ContactCount++;
        RepeatContactCount++;
        LastContactAt = context.AtUtc > LastContactAt ? context.AtUtc : LastContactAt;
        Record(WorkOrderAction.AddContact, Status, context, $"Repeat contact {RepeatContactCount}");
        return null;
    }

    /// <summary>
    /// An agent note or crew report. A customer-visible one is a message to the customer, so the first of them meets
    /// the first-contact target.
    /// </summary>
    public WorkOrderError? AddNote(EntryKind kind, string text, bool isCustomerVisible, ChangeContext context)
    {
        Require(context);
        if (kind is not (EntryKind.AgentNote or EntryKind.CrewReport))
        {
            throw new DomainRuleException($"Notes are agent notes or crew reports, not {kind}.");
        }

        if (!Allows(WorkOrderAction.AddNote))
        {
            return WorkOrderError.Illegal(WorkOrderAction.AddNote, this);
        }

        entries.Add(new WorkOrderEntry(context.AtUtc, kind, context.Actor, text, isCustomerVisible, context.Channel));
        if (isCustomerVisible)
        {
            FirstContactAt ??= context.AtUtc;
        }

        Record(WorkOrderAction.AddNote, Status, context, isCustomerVisible ? $"{kind}, customer-visible" : $"{kind}, internal");
        return null;
    }

    /// <summary>
    /// Matches an unidentified order to its customer and re-times it by the policy that now matches (a repair of
    /// unknown area gets its area's limits). Before dispatch the customer's unit becomes responsible; once dispatched,
    /// the order stays with the unit working on it.
    /// </summary>
    public WorkOrderError? IdentifyCustomer(CustomerFacts customer, IEnumerable<SlaPolicy> policies, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(policies);
        Require(context);
        if (!Allows(WorkOrderAction.IdentifyCustomer))
        {
            return WorkOrderError.Illegal(WorkOrderAction.IdentifyCustomer, this);
        }

        CustomerId = customer.CustomerId;
        AreaType = customer.AreaType;
        ImportantCustomer = customer.IsImportant;
        SensitiveCustomer = customer.IsSensitive;
        candidateCustomerIds.Clear();
        if (Status == WorkOrderStatus.Received)
        {
            OrgUnitId = customer.OrgUnitId;
        }

        TimeBy(SlaPolicy.BestMatch(policies, SlaSubject()), context.Clock);
        Record(WorkOrderAction.IdentifyCustomer, Status, context, $"Customer {customer.CustomerId}, SLA policy {SlaPolicyName ?? "none"}");
        return null;
    }

    /// <summary>
    /// Makes this order part of <paramref name="target"/>, e.g. another call about the same outage: this order is
    /// cancelled with a link to the target, and the target counts its contacts and notes the merge in its thread.
    /// The target must already be saved, so that its id is known.
    /// </summary>
    public WorkOrderError? MergeInto(WorkOrder target, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(target);
        Require(context);
        target.Require(context);
        if (!Allows(WorkOrderAction.Merge))
        {
            return WorkOrderError.Illegal(WorkOrderAction.Merge, this);
        }

        if (ReferenceEquals(target, this) || target.Number == Number)
        {
            return new WorkOrderError(WorkOrderErrorCode.MergeIntoItself, $"{Number} cannot be merged into itself.", AllowedActions());
        }

        if (target.Type != Type)
        {
            return new WorkOrderError(
                WorkOrderErrorCode.MergeTypeMismatch, $"A {Type} order cannot be merged into a {target.Type} order.", AllowedActions());
        }

        if (!target.Allows(WorkOrderAction.Merge))
        {
            return new WorkOrderError(
                WorkOrderErrorCode.MergeTargetNotOpen, $"{target.Number} is {target.Status} and takes no more orders.", AllowedActions());
        }

        var from = Status;
        EndPause(context.AtUtc);
        Status = WorkOrderStatus.Cancelled;
        CancelledAt = context.AtUtc;
        CancelReason = $"Merged into {target.Number}";
        MergedIntoId = target.Id;
        MergedIntoNumber = target.Number;
        Record(WorkOrderAction.Merge, from, context, CancelReason);

        target.ContactCount += ContactCount;
        target.MergedOrderCount++;
        var customer = CustomerId is { } id ? $"customer {id}" : "unidentified caller";
        var text = $"Merged {Number} ({customer}, {ContactCount} contact(s))";
        target.entries.Add(new WorkOrderEntry(context.AtUtc, EntryKind.SystemEvent, context.Actor, text, isCustomerVisible: false, context.Channel));
        target.Record(WorkOrderAction.Merge, target.Status, context, text);
        return null;
    }
}
