using GridCare.Domain.Sla;

namespace GridCare.Domain.WorkOrders;

public sealed partial class WorkOrder
{
    /// <summary>
    /// Re-times an open order after administrators changed the SLA settings (a policy or the calendar): the targets
    /// not yet met take those of the policy that matches the order now and are counted again on
    /// <paramref name="clock"/>; a met target keeps its target and deadline, since it was met against them. A history
    /// row by <see cref="SystemActor"/> records each deadline that moved and a change of policy. An escalation already
    /// made stands. False, with nothing changed, when the order is closed or cancelled or already timed by these
    /// settings or newer ones.
    /// </summary>
    public bool Retime(IEnumerable<SlaPolicy> policies, SlaClock clock, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(clock);
        ChinaTime.RequireUtc(atUtc, nameof(atUtc));
        if (!IsOpen || SlaSettingsRevision >= clock.SettingsRevision)
        {
            return false;
        }

        SlaSettingsRevision = clock.SettingsRevision;
        var moved = RepickPolicy(policies, clock);
        if (moved.Count > 0)
        {
            history.Add(new WorkOrderChange(
                atUtc, SystemActor, null, WorkOrderAction.RetimeSla, Status, Status,
                $"SLA settings revision {clock.SettingsRevision}: {string.Join("; ", moved)}"));
        }

        return true;
    }

    /// <summary>
    /// Gives the targets not yet met those of the policy that matches the order now and counts them again; a met
    /// target keeps its target and deadline, since it was met against them. Returns each change for the history.
    /// </summary>
    private List<string> RepickPolicy(IEnumerable<SlaPolicy> policies, SlaClock clock)
    {
        var kinds = Enum.GetValues<SlaTargetKind>();
        var before = kinds.ToDictionary(kind => kind, DueAtStored);
        var policyBefore = SlaPolicyName;
        var policy = SlaPolicy.BestMatch(policies, SlaSubject());
        var targets = kinds
            .Select(kind => MetAt(kind) is null ? policy?.Target(kind) : slaTargets.Find(t => t.Kind == kind))
            .OfType<SlaTarget>()
            .Select(t => t with { })
            .ToList();
        slaTargets.Clear();
        slaTargets.AddRange(targets);
        SlaPolicyName = policy?.Name;
        RecomputeSla(clock);
        foreach (var kind in kinds.Where(kind => MetAt(kind) is not null))
        {
            SetDueAt(kind, before[kind]);
        }

        var moved = kinds
            .Where(kind => DueAtStored(kind) != before[kind])
            .Select(kind => $"{kind} due {Text(before[kind])} → {Text(DueAtStored(kind))}")
            .ToList();
        if (policyBefore != SlaPolicyName)
        {
            moved.Insert(0, $"SLA policy {policyBefore ?? "none"} → {SlaPolicyName ?? "none"}");
        }

        return moved;

        static string Text(DateTime? due) => due is { } value ? value.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : "none";
    }

    private void SetDueAt(SlaTargetKind kind, DateTime? due)
    {
        switch (kind)
        {
            case SlaTargetKind.FirstContact:
                FirstContactDueAt = due;
                break;
            case SlaTargetKind.Arrival:
                ArrivalDueAt = due;
                break;
            case SlaTargetKind.Resolution:
                ResolutionDueAt = due;
                break;
            case SlaTargetKind.Reply:
                ReplyDueAt = due;
                break;
        }
    }
}
