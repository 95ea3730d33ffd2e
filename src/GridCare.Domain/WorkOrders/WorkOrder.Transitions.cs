namespace GridCare.Domain.WorkOrders;

public sealed partial class WorkOrder
{
    /// <summary>
    /// The transition table: what each state allows, narrowed by the order's own facts (only repairs have an arrival;
    /// repairs and complaints are closed through a revisit; only an unidentified order can be identified; the clock
    /// pauses only when running). Every transition checks it, so it is the one source of truth for the 409 answers.
    /// </summary>
    public IReadOnlyList<WorkOrderAction> AllowedActions()
    {
        WorkOrderAction[] byStatus = Status switch
        {
            WorkOrderStatus.Received =>
            [
                WorkOrderAction.Dispatch, WorkOrderAction.Resolve, WorkOrderAction.Cancel, WorkOrderAction.Merge,
                WorkOrderAction.AddContact, WorkOrderAction.AddNote, WorkOrderAction.IdentifyCustomer,
                WorkOrderAction.PauseClock, WorkOrderAction.ResumeClock, WorkOrderAction.Reclassify,
            ],
            WorkOrderStatus.Dispatched =>
            [
                WorkOrderAction.Dispatch, WorkOrderAction.Accept, WorkOrderAction.Cancel, WorkOrderAction.Merge,
                WorkOrderAction.AddContact, WorkOrderAction.AddNote, WorkOrderAction.IdentifyCustomer,
                WorkOrderAction.PauseClock, WorkOrderAction.ResumeClock, WorkOrderAction.Reclassify,
            ],
            WorkOrderStatus.Accepted =>
            [
                WorkOrderAction.Dispatch, WorkOrderAction.Arrive, WorkOrderAction.Resolve, WorkOrderAction.Cancel,
                WorkOrderAction.Merge, WorkOrderAction.AddContact, WorkOrderAction.AddNote,
                WorkOrderAction.IdentifyCustomer, WorkOrderAction.PauseClock, WorkOrderAction.ResumeClock,
                WorkOrderAction.Reclassify,
            ],
            WorkOrderStatus.Arrived =>
            [
                WorkOrderAction.Resolve, WorkOrderAction.Cancel, WorkOrderAction.Merge, WorkOrderAction.AddContact,
                WorkOrderAction.AddNote, WorkOrderAction.IdentifyCustomer, WorkOrderAction.PauseClock,
                WorkOrderAction.ResumeClock, WorkOrderAction.Reclassify,
            ],
            WorkOrderStatus.Resolved =>
            [
                WorkOrderAction.StartRevisit, WorkOrderAction.Close, WorkOrderAction.Reopen,
                WorkOrderAction.AddContact, WorkOrderAction.AddNote,
            ],
            WorkOrderStatus.Revisit =>
            [
                WorkOrderAction.RecordRevisit, WorkOrderAction.Close, WorkOrderAction.Reopen,
                WorkOrderAction.AddContact, WorkOrderAction.AddNote,
            ],
            WorkOrderStatus.Closed => [WorkOrderAction.AddNote],
            WorkOrderStatus.Cancelled => [WorkOrderAction.AddNote],
        };
        return [.. byStatus.Where(FitsThisOrder)];
    }

    public bool Allows(WorkOrderAction action) => AllowedActions().Contains(action);

    /// <summary>Routes the order to a unit and team; from Dispatched or Accepted it re-routes (改派).</summary>
    public WorkOrderError? Dispatch(int orgUnitId, string team, ChangeContext context)
    {
        DomainRuleException.ThrowIfBlank(team, nameof(team));
        return Move(WorkOrderAction.Dispatch, WorkOrderStatus.Dispatched, context, () =>
        {
            var detail = $"Org unit {OrgUnitId} → {orgUnitId}, team {Team ?? "none"} → {team}";
            OrgUnitId = orgUnitId;
            Team = team;
            DispatchedAt ??= context.AtUtc;
            return detail;
        });
    }

    public WorkOrderError? Accept(ChangeContext context) =>
        Move(WorkOrderAction.Accept, WorkOrderStatus.Accepted, context, () =>
        {
            AcceptedAt ??= context.AtUtc;
            return null;
        });

    /// <summary>The crew is on site: meets the arrival target and starts the targets counted from arrival.</summary>
    public WorkOrderError? Arrive(ChangeContext context) =>
        Move(WorkOrderAction.Arrive, WorkOrderStatus.Arrived, context, () =>
        {
            ArrivedAt ??= context.AtUtc;
            return null;
        });

    /// <summary>
    /// Handled, with codes from the bureau's code lists. Resolving tells the customer the result, so it meets the
    /// resolution and reply targets, and the first-contact target if nothing met it before.
    /// </summary>
    public WorkOrderError? Resolve(string causeCode, string resolutionCode, ChangeContext context)
    {
        DomainRuleException.ThrowIfBlank(causeCode, nameof(causeCode));
        DomainRuleException.ThrowIfBlank(resolutionCode, nameof(resolutionCode));
        return Move(WorkOrderAction.Resolve, WorkOrderStatus.Resolved, context, () =>
        {
            CauseCode = causeCode;
            ResolutionCode = resolutionCode;
            FirstContactAt ??= context.AtUtc;
            ResolvedAt = context.AtUtc;
            RepliedAt = context.AtUtc;
            return $"Cause {causeCode}, resolution {resolutionCode}";
        });
    }

    public WorkOrderError? StartRevisit(ChangeContext context) =>
        Move(WorkOrderAction.StartRevisit, WorkOrderStatus.Revisit, context, () => null);

    /// <summary>
    /// Records the customer's answer. An unsatisfied customer reopens the order, back to Received so the dispatcher
    /// decides again who handles it (the same unit, another, or a complaint); any other answer closes it.
    /// </summary>
    public WorkOrderError? RecordRevisit(RevisitResult result, string? comment, ChangeContext context)
    {
        if (!Enum.IsDefined(result))
        {
            throw new DomainRuleException($"Unknown revisit result {result}.");
        }

        var to = result == WorkOrders.RevisitResult.Unsatisfied ? WorkOrderStatus.Received : WorkOrderStatus.Closed;
        return Move(WorkOrderAction.RecordRevisit, to, context, () =>
        {
            RevisitResult = result;
            RevisitComment = string.IsNullOrWhiteSpace(comment) ? null : comment;
            RevisitedAt = context.AtUtc;
            if (to == WorkOrderStatus.Received)
            {
                ReopenResolution();
                return $"{result}: reopened";
            }

            ClosedAt = context.AtUtc;
            return result.ToString();
        });
    }

    /// <summary>Closes a resolved order that needs no revisit, or a revisit that could not reach the customer.</summary>
    public WorkOrderError? Close(string? reason, ChangeContext context) =>
        Move(WorkOrderAction.Close, WorkOrderStatus.Closed, context, () =>
        {
            ClosedAt = context.AtUtc;
            return string.IsNullOrWhiteSpace(reason) ? null : reason;
        });

    /// <summary>The resolution did not hold (the customer called back, or an inspection found it): back to Received.</summary>
    public WorkOrderError? Reopen(string reason, ChangeContext context)
    {
        DomainRuleException.ThrowIfBlank(reason, nameof(reason));
        return Move(WorkOrderAction.Reopen, WorkOrderStatus.Received, context, () =>
        {
            ReopenResolution();
            return reason;
        });
    }

    public WorkOrderError? Cancel(string reason, ChangeContext context)
    {
        DomainRuleException.ThrowIfBlank(reason, nameof(reason));
        return Move(WorkOrderAction.Cancel, WorkOrderStatus.Cancelled, context, () =>
        {
            CancelReason = reason;
            CancelledAt = context.AtUtc;
            return reason;
        });
    }

    private bool FitsThisOrder(WorkOrderAction action) => action switch
    {
        WorkOrderAction.Arrive => Type == WorkOrderType.Repair,
        WorkOrderAction.Close => Status != WorkOrderStatus.Resolved || !NeedsRevisit,
        WorkOrderAction.IdentifyCustomer => CustomerId is null,
        WorkOrderAction.PauseClock => !IsClockPaused,
        WorkOrderAction.ResumeClock => IsClockPaused,
        _ => true,
    };

    /// <summary>Repairs and complaints are revisited before they close (DOMAIN.md §5).</summary>
    private bool NeedsRevisit => Type is WorkOrderType.Repair or WorkOrderType.Complaint;

    /// <summary>
    /// Checks the table, then moves to <paramref name="to"/>. Any move ends a wait on the customer: the order is
    /// being worked again.
    /// </summary>
    private WorkOrderError? Move(WorkOrderAction action, WorkOrderStatus to, ChangeContext context, Func<string?> apply)
    {
        Require(context);
        if (!Allows(action))
        {
            return WorkOrderError.Illegal(action, this);
        }

        var from = Status;
        EndPause(context.AtUtc);
        var detail = apply();
        Status = to;
        Record(action, from, context, detail);
        return null;
    }

    private void ReopenResolution()
    {
        ReopenCount++;
        ResolvedAt = null;
        RepliedAt = null;
        CauseCode = null;
        ResolutionCode = null;
        ClosedAt = null;
    }
}
