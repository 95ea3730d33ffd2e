namespace GridCare.Domain.Outages;

/// <summary>What happened to an outage, for its timeline.</summary>
public enum OutageEntryKind
{
    Published,
    NoticeOverridden,
    Detected,
    SignalsLinked,
    CallLinked,
    RepairOrderOpened,
    Started,
    ReminderQueued,
    EtrChanged,
    PartiallyRestored,
    Restored,
    Cancelled,
}

/// <summary>One line of an outage's timeline: when, who, what and a short detail.</summary>
public sealed class OutageEntry
{
    private OutageEntry()
    {
        Actor = string.Empty;
    }

    internal OutageEntry(DateTime atUtc, string actor, OutageEntryKind kind, string? detail)
    {
        At = atUtc;
        Actor = actor;
        Kind = kind;
        Detail = detail;
    }

    public long Id { get; private set; }

    public long OutageId { get; private set; }

    public DateTime At { get; private set; }

    public string Actor { get; private set; }

    public OutageEntryKind Kind { get; private set; }

    public string? Detail { get; private set; }
}
