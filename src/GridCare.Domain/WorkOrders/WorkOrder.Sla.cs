using GridCare.Domain.Sla;

namespace GridCare.Domain.WorkOrders;

/// <remarks>
/// Which event meets which target:
/// <list type="bullet">
/// <item>FirstContact: the first customer-visible agent note or crew report, or the resolution if none came before.
/// Dispatch and acceptance do not meet it: they are internal, and the limit is about speaking to the customer.</item>
/// <item>Arrival: <see cref="Arrive"/>.</item>
/// <item>Resolution and Reply: <see cref="Resolve"/>; a reopen un-meets both, so they are met again by the next
/// resolution and measured from the original start.</item>
/// </list>
/// The order copies the targets of its policy and remembers the revision of the SLA settings it was timed by, so an
/// edit of a policy or of the calendar reaches orders already received only through <see cref="Retime"/>, which
/// re-times the targets not yet met and records it in the history.
/// </remarks>
public sealed partial class WorkOrder
{
    /// <summary>Who breaches or warns when no person acts: the breach scanner.</summary>
    public const string SlaScannerActor = "sla-scanner";

    /// <summary>Who re-times orders after administrators changed the SLA settings.</summary>
    public const string SystemActor = "system";

    private readonly List<SlaTarget> slaTargets = [];
    private readonly List<SlaPause> pauses = [];

    /// <summary>The name of the policy the order is timed by; null when no policy matched.</summary>
    public string? SlaPolicyName { get; private set; }

    public IReadOnlyList<SlaTarget> SlaTargets => slaTargets;

    /// <summary>The waits on the customer; the last one is open while the clock is paused.</summary>
    public IReadOnlyList<SlaPause> Pauses => pauses;

    public bool IsClockPaused => pauses.Count > 0 && pauses[^1].IsOpen;

    public DateTime? FirstContactDueAt { get; private set; }

    public DateTime? ArrivalDueAt { get; private set; }

    public DateTime? ResolutionDueAt { get; private set; }

    public DateTime? ReplyDueAt { get; private set; }

    /// <summary>The earliest deadline of the targets not yet met; null once resolved, or while the clock is paused.</summary>
    public DateTime? NextSlaDeadlineAt { get; private set; }

    /// <summary>
    /// When the target of <see cref="NextSlaDeadlineAt"/> has used <see cref="SlaClock.WarningPercent"/> of its time:
    /// the instant the scanner warns at (e.g. 80 % used).
    /// </summary>
    public DateTime? NextSlaWarningAt { get; private set; }

    /// <summary>
    /// The revision of the SLA settings (<see cref="SlaClock.SettingsRevision"/>) the order's policy and deadlines
    /// come from. A change made with an older clock lowers it, so the order is re-timed again.
    /// </summary>
    public int SlaSettingsRevision { get; private set; }

    public DateTime? FirstContactAt { get; private set; }

    public DateTime? ArrivedAt { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    public DateTime? RepliedAt { get; private set; }

    /// <summary>Minutes from the target's start to the event that met it, without the waits on the customer.</summary>
    public int? FirstContactMinutes { get; private set; }

    public int? ArrivalMinutes { get; private set; }

    public int? ResolutionMinutes { get; private set; }

    public int? ReplyMinutes { get; private set; }

    /// <summary>When the warning before the current next deadline was sent; cleared when that deadline moves.</summary>
    public DateTime? WarnedAt { get; private set; }

    public bool IsBreached { get; private set; }

    /// <summary>When the first breach was recorded; the due and met times per target show every later one.</summary>
    public DateTime? BreachedAt { get; private set; }

    public SlaTargetKind? BreachedTarget { get; private set; }

    /// <summary>Waits on the customer (待客户反馈): the clock stands still until the customer answers or the order moves.</summary>
    public WorkOrderError? PauseClock(string reason, ChangeContext context)
    {
        DomainRuleException.ThrowIfBlank(reason, nameof(reason));
        Require(context);
        if (!Allows(WorkOrderAction.PauseClock))
        {
            return WorkOrderError.Illegal(WorkOrderAction.PauseClock, this);
        }

        pauses.Add(new SlaPause(context.AtUtc, null));
        Record(WorkOrderAction.PauseClock, Status, context, reason);
        return null;
    }

    public WorkOrderError? ResumeClock(ChangeContext context)
    {
        Require(context);
        if (!Allows(WorkOrderAction.ResumeClock))
        {
            return WorkOrderError.Illegal(WorkOrderAction.ResumeClock, this);
        }

        EndPause(context.AtUtc);
        Record(WorkOrderAction.ResumeClock, Status, context);
        return null;
    }

    /// <summary>
    /// Records the warning before the next deadline once; false if already warned, nothing is due, or the warning
    /// instant has not come at <paramref name="atUtc"/> (the order moved since the scan read it).
    /// </summary>
    public bool MarkWarned(DateTime atUtc)
    {
        ChinaTime.RequireUtc(atUtc, nameof(atUtc));
        if (WarnedAt is not null || NextSlaDeadlineAt is not { } due || NextSlaWarningAt is not { } warnAt || atUtc < warnAt)
        {
            return false;
        }

        WarnedAt = atUtc;
        history.Add(new WorkOrderChange(atUtc, SlaScannerActor, null, WorkOrderAction.MarkWarned, Status, Status, $"{NextTarget()} due {due:O}"));
        return true;
    }

    /// <summary>
    /// Records that the next deadline has passed and raises the priority one step; once per order. False if already
    /// breached, or if the deadline has not passed at <paramref name="atUtc"/> (the order moved since the scan read it).
    /// </summary>
    public bool MarkBreached(DateTime atUtc)
    {
        ChinaTime.RequireUtc(atUtc, nameof(atUtc));
        if (IsBreached || NextSlaDeadlineAt is not { } due || atUtc < due)
        {
            return false;
        }

        var priority = Priority;
        IsBreached = true;
        BreachedAt = atUtc;
        BreachedTarget = NextTarget();
        Priority = Priority == WorkOrderPriority.Normal ? WorkOrderPriority.High : WorkOrderPriority.Urgent;
        history.Add(new WorkOrderChange(
            atUtc, SlaScannerActor, null, WorkOrderAction.MarkBreached, Status, Status,
            $"{BreachedTarget} due {due:O}; priority {priority} → {Priority}"));

        // Escalation: the breach is put in front of the responsible unit's supervisors in the order's thread.
        entries.Add(new WorkOrderEntry(
            atUtc, EntryKind.SystemEvent, SlaScannerActor,
            $"SLA 超时（{BreachedTarget}，应于 {ChinaTime.ToCst(due):yyyy-MM-dd HH:mm} 前完成），优先级升为 {Priority}，请单位负责人督办。",
            isCustomerVisible: false, channel: null));
        return true;
    }

    private void TimeBy(SlaPolicy? policy, SlaClock clock)
    {
        slaTargets.Clear();

        // Copies: an order owns its targets (they are stored with it), so it must not share the policy's instances
        // with every other order timed by the same policy.
        slaTargets.AddRange((policy?.Targets ?? []).Select(t => t with { }));
        SlaPolicyName = policy?.Name;
        SlaSettingsRevision = clock.SettingsRevision;
    }

    private void EndPause(DateTime atUtc)
    {
        if (IsClockPaused)
        {
            pauses[^1] = new SlaPause(pauses[^1].StartUtc, atUtc);
        }
    }

    private void RecomputeSla(SlaClock clock)
    {
        FirstContactDueAt = DueAt(SlaTargetKind.FirstContact, clock);
        ArrivalDueAt = DueAt(SlaTargetKind.Arrival, clock);
        ResolutionDueAt = DueAt(SlaTargetKind.Resolution, clock);
        ReplyDueAt = DueAt(SlaTargetKind.Reply, clock);
        FirstContactMinutes = MinutesTaken(SlaTargetKind.FirstContact);
        ArrivalMinutes = MinutesTaken(SlaTargetKind.Arrival);
        ResolutionMinutes = MinutesTaken(SlaTargetKind.Resolution);
        ReplyMinutes = MinutesTaken(SlaTargetKind.Reply);

        DateTime? next = null;
        if (Status is WorkOrderStatus.Received or WorkOrderStatus.Dispatched or WorkOrderStatus.Accepted or WorkOrderStatus.Arrived)
        {
            next = Enum.GetValues<SlaTargetKind>()
                .Where(kind => MetAt(kind) is null)
                .Select(DueAtStored)
                .Min();
        }

        if (next != NextSlaDeadlineAt)
        {
            WarnedAt = null;
        }

        NextSlaDeadlineAt = next;
        NextSlaWarningAt = next is not null && NextTarget() is { } kind && slaTargets.Find(t => t.Kind == kind) is { } target && StartOf(target) is { } start
            ? clock.WarningAt(start, pauses, target)
            : null;
        SlaSettingsRevision = Math.Min(SlaSettingsRevision, clock.SettingsRevision);
    }

    /// <summary>
    /// The deadline of a target: from its start, shifted by the waits on the customer. A met target counts only the
    /// waits before it was met, so its deadline is the one it was met against.
    /// </summary>
    private DateTime? DueAt(SlaTargetKind kind, SlaClock clock)
    {
        var target = slaTargets.Find(t => t.Kind == kind);
        if (target is null || StartOf(target) is not { } start)
        {
            return null;
        }

        IEnumerable<SlaPause> counted = MetAt(kind) is { } met
            ? pauses.Where(p => p.StartUtc < met).Select(p => new SlaPause(p.StartUtc, p.EndUtc is { } end && end < met ? end : met))
            : pauses;
        return clock.DueAt(start, counted, target);
    }

    private int? MinutesTaken(SlaTargetKind kind)
    {
        var target = slaTargets.Find(t => t.Kind == kind);
        var start = target is null ? ReceivedAt : StartOf(target);
        return start is { } from && MetAt(kind) is { } met ? SlaClock.MinutesTaken(from, pauses, met) : null;
    }

    private DateTime? StartOf(SlaTarget target) => target.StartsAt switch
    {
        SlaClockStart.Received => ReceivedAt,
        SlaClockStart.Arrived => ArrivedAt,
    };

    private DateTime? MetAt(SlaTargetKind kind) => kind switch
    {
        SlaTargetKind.FirstContact => FirstContactAt,
        SlaTargetKind.Arrival => ArrivedAt,
        SlaTargetKind.Resolution => ResolvedAt,
        SlaTargetKind.Reply => RepliedAt,
    };

    private DateTime? DueAtStored(SlaTargetKind kind) => kind switch
    {
        SlaTargetKind.FirstContact => FirstContactDueAt,
        SlaTargetKind.Arrival => ArrivalDueAt,
        SlaTargetKind.Resolution => ResolutionDueAt,
        SlaTargetKind.Reply => ReplyDueAt,
    };

    private SlaTargetKind? NextTarget() => Enum.GetValues<SlaTargetKind>()
        .Where(kind => MetAt(kind) is null && DueAtStored(kind) == NextSlaDeadlineAt)
        .Select(kind => (SlaTargetKind?)kind)
        .FirstOrDefault();
}
