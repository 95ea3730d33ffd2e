namespace GridCare.Domain.Warnings;

/// <summary>
/// One early warning about one transformer or meter, kept while its condition lasts: each evaluated day where the rule
/// fires again refreshes the evidence instead of adding a second warning, so the list shows conditions, not days.
/// </summary>
public sealed class Warning
{
    private Warning()
    {
        SubjectCode = string.Empty;
        TransformerCode = string.Empty;
        Evidence = "{}";
    }

    public long Id { get; private set; }

    public WarningRule Rule { get; private set; }

    public WarningSeverity Severity { get; private set; }

    public WarningAction Action { get; private set; }

    public WarningStatus Status { get; private set; }

    /// <summary>The transformer code, or the meter number for <see cref="WarningRule.MeterAnomaly"/>.</summary>
    public string SubjectCode { get; private set; }

    public string TransformerCode { get; private set; }

    public long? CustomerId { get; private set; }

    /// <summary>The supply station responsible for the transformer.</summary>
    public int OrgUnitId { get; private set; }

    public DateOnly FirstSeenOn { get; private set; }

    public DateOnly LastSeenOn { get; private set; }

    public int DaysSeen { get; private set; }

    /// <summary>The measured values of the last day it fired, as JSON (names in camelCase, rates as fractions).</summary>
    public string Evidence { get; private set; }

    public string? WorkOrderNumber { get; private set; }

    public string? ClosedBy { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Whether the warning still asks for attention (open or acted on but not gone).</summary>
    public bool IsActive => Status != WarningStatus.Cleared;

    public static Warning Raise(
        WarningRule rule, WarningSeverity severity, WarningAction action, string subjectCode, string transformerCode, long? customerId, int orgUnitId,
        DateOnly day, string evidence, DateTime atUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(transformerCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(evidence);
        return new Warning
        {
            Rule = rule,
            Severity = severity,
            Action = action,
            Status = WarningStatus.Open,
            SubjectCode = subjectCode,
            TransformerCode = transformerCode,
            CustomerId = customerId,
            OrgUnitId = orgUnitId,
            FirstSeenOn = day,
            LastSeenOn = day,
            DaysSeen = 1,
            Evidence = evidence,
            CreatedAt = atUtc,
            UpdatedAt = atUtc,
        };
    }

    /// <summary>The rule fired again: a later day counts once and refreshes the evidence; an earlier day (a re-run of
    /// history) only widens the span, so evaluating the same days twice changes nothing.</summary>
    public void SeenAgain(DateOnly day, WarningSeverity severity, string evidence, DateTime atUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(evidence);
        if (day > LastSeenOn)
        {
            LastSeenOn = day;
            DaysSeen++;
            Evidence = evidence;
            Severity = severity > Severity ? severity : Severity;
            UpdatedAt = atUtc;
        }
        else if (day < FirstSeenOn)
        {
            FirstSeenOn = day;
            DaysSeen++;
            UpdatedAt = atUtc;
        }
    }

    public void OrderOpened(string workOrderNumber, string actor, DateTime atUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workOrderNumber);
        WorkOrderNumber = workOrderNumber;
        Status = WarningStatus.OrderOpened;
        ClosedBy = actor;
        UpdatedAt = atUtc;
    }

    /// <returns>False when the warning is no longer open (acted on or cleared already).</returns>
    public bool Acknowledge(string actor, DateTime atUtc)
    {
        if (Status != WarningStatus.Open)
        {
            return false;
        }

        Status = WarningStatus.Acknowledged;
        ClosedBy = actor;
        UpdatedAt = atUtc;
        return true;
    }

    public void Clear(DateTime atUtc)
    {
        Status = WarningStatus.Cleared;
        UpdatedAt = atUtc;
    }
}
