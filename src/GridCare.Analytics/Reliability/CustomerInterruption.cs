namespace GridCare.Analytics.Reliability;

/// <summary>
/// One customer's loss of supply: the unit IEEE 1366 counts (a "customer interruption"). An outage that cuts 300
/// customers is 300 of these sharing an <see cref="EventId"/>; a restoration in steps gives each customer the time of
/// its own step, so Σ r_i·N_i is exact. Whether it is sustained or momentary follows from its duration.
/// </summary>
public sealed record CustomerInterruption
{
    public CustomerInterruption(string eventId, string customerId, DateTimeOffset interruptedAt, DateTimeOffset restoredAt, InterruptionCause cause = InterruptionCause.Other)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        if (restoredAt < interruptedAt)
        {
            throw new ArgumentException($"Restored at {restoredAt:O}, before the interruption at {interruptedAt:O}.", nameof(restoredAt));
        }

        EventId = eventId;
        CustomerId = customerId;
        InterruptedAt = interruptedAt;
        RestoredAt = restoredAt;
        Cause = cause;
    }

    public string EventId { get; }

    public string CustomerId { get; }

    public DateTimeOffset InterruptedAt { get; }

    public DateTimeOffset RestoredAt { get; }

    public InterruptionCause Cause { get; }

    public TimeSpan Duration => RestoredAt - InterruptedAt;
}

/// <summary>
/// The causes the indices tell apart. DL/T 836 reports RS-3 without the interruptions that insufficient system supply
/// forced (有序用电 / 限电, rotating cuts ordered because generation or transmission capacity fell short); every other
/// cause counts in every index.
/// </summary>
public enum InterruptionCause
{
    Other,
    SupplyShortage,
}
