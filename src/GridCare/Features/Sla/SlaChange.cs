namespace GridCare.Features.Sla;

public enum SlaChangeSubject
{
    Policy,
    CalendarDay,
    CalendarImport,
}

public enum SlaChangeAction
{
    Created,
    Updated,
    Disabled,
    Removed,
    Imported,
}

/// <summary>
/// One administrator's change of the SLA settings, with the state before and after as JSON: the audit an inspector
/// or a province asks for ("who shortened the reply limit, and when?"). Written in the transaction of the change.
/// </summary>
public sealed class SlaChange
{
    private SlaChange()
    {
        Actor = string.Empty;
        SubjectKey = string.Empty;
    }

    public long Id { get; private set; }

    public DateTime At { get; private set; }

    public string Actor { get; private set; }

    /// <summary>The settings revision this change produced.</summary>
    public int Revision { get; private set; }

    public SlaChangeSubject Subject { get; private set; }

    /// <summary>The policy id or the date (yyyy-MM-dd); the file name for an import.</summary>
    public string SubjectKey { get; private set; }

    public SlaChangeAction Action { get; private set; }

    public string? Before { get; private set; }

    public string? After { get; private set; }

    public static SlaChange Of(
        DateTime atUtc, string actor, int revision, SlaChangeSubject subject, string subjectKey, SlaChangeAction action, string? before, string? after) =>
        new()
        {
            At = atUtc,
            Actor = actor,
            Revision = revision,
            Subject = subject,
            SubjectKey = subjectKey,
            Action = action,
            Before = before,
            After = after,
        };
}
