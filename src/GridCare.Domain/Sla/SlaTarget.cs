namespace GridCare.Domain.Sla;

/// <summary>One time limit of a policy: what it is for, how its clock counts, how much, and from which event.</summary>
public sealed record SlaTarget
{
    private SlaTarget(SlaTargetKind kind, SlaClockKind clock, int amount, SlaClockStart startsAt)
    {
        if (!Enum.IsDefined(kind) || !Enum.IsDefined(clock) || !Enum.IsDefined(startsAt))
        {
            throw new DomainRuleException("Unknown target, clock or start kind.");
        }

        if (amount <= 0)
        {
            throw new DomainRuleException($"The {kind} target must be positive.");
        }

        Kind = kind;
        Clock = clock;
        Amount = amount;
        StartsAt = startsAt;
    }

    public SlaTargetKind Kind { get; }

    public SlaClockKind Clock { get; }

    /// <summary>Minutes for a <see cref="SlaClockKind.WallClock"/> target, working days for a <see cref="SlaClockKind.WorkingDays"/> one.</summary>
    public int Amount { get; }

    public SlaClockStart StartsAt { get; }

    public static SlaTarget WallClock(SlaTargetKind kind, int minutes, SlaClockStart startsAt = SlaClockStart.Received) =>
        new(kind, SlaClockKind.WallClock, minutes, startsAt);

    public static SlaTarget WorkingDays(SlaTargetKind kind, int days, SlaClockStart startsAt = SlaClockStart.Received) =>
        new(kind, SlaClockKind.WorkingDays, days, startsAt);
}
