using GridCare.Domain.Sla;

namespace GridCare.Domain.Reliability;

/// <summary>
/// One customer's loss of supply, the unit the IEEE 1366 and DL/T 836 indices count: an outage that cuts 300
/// customers writes 300 rows sharing its <see cref="EventKey"/>, and a restoration in steps restores each row at the
/// time of its own step, so the customer minutes are exact. Whether it was momentary or sustained follows from its
/// duration once restored.
/// </summary>
public sealed class InterruptionRecord
{
    public const int EventKeyMaxLength = 100;

    private InterruptionRecord()
    {
        EventKey = string.Empty;
    }

    public long Id { get; private set; }

    /// <summary>The outage that caused it, when GridCare managed that outage; null for imported or generated history.</summary>
    public long? OutageId { get; private set; }

    /// <summary>
    /// The event the interruption belongs to: the reclosings of one fault share it, so MAIFI_E counts them once per
    /// customer.
    /// </summary>
    public string EventKey { get; private set; }

    public long CustomerId { get; private set; }

    /// <summary>The customer's org unit at the time, so a unit's indices need no join to today's customers.</summary>
    public int OrgUnitId { get; private set; }

    /// <summary>The 10 kV feeder that supplied the customer, when known.</summary>
    public long? FeederId { get; private set; }

    public DateTime InterruptedAt { get; private set; }

    /// <summary>
    /// The China calendar day the interruption began on: IEEE 1366 accrues an interruption to the day it starts, and
    /// daily SAIDI (the major event day history) is summed by this day in the database.
    /// </summary>
    public DateOnly InterruptedOn { get; private set; }

    /// <summary>Null while the customer is still out.</summary>
    public DateTime? RestoredAt { get; private set; }

    /// <summary>Whole seconds from interruption to restoration, null while out; lets the database sum customer minutes.</summary>
    public int? DurationSeconds { get; private set; }

    /// <summary>A planned (maintenance, construction) outage rather than a fault.</summary>
    public bool Planned { get; private set; }

    /// <summary>Ordered by insufficient system supply (有序用电 / 限电); DL/T 836 RS-3 leaves these out.</summary>
    public bool SupplyShortage { get; private set; }

    public static InterruptionRecord Start(
        long? outageId, string eventKey, long customerId, int orgUnitId, long? feederId, DateTime interruptedAtUtc, bool planned, bool supplyShortage = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventKey);
        if (eventKey.Length > EventKeyMaxLength)
        {
            throw new ArgumentException($"An event key has at most {EventKeyMaxLength} characters.", nameof(eventKey));
        }

        ChinaTime.RequireUtc(interruptedAtUtc, nameof(interruptedAtUtc));
        return new InterruptionRecord
        {
            OutageId = outageId,
            EventKey = eventKey,
            CustomerId = customerId,
            OrgUnitId = orgUnitId,
            FeederId = feederId,
            InterruptedAt = interruptedAtUtc,
            InterruptedOn = ChinaTime.DateOf(interruptedAtUtc),
            Planned = planned,
            SupplyShortage = supplyShortage,
        };
    }

    /// <summary>Supply is back for this customer.</summary>
    public void Restore(DateTime restoredAtUtc)
    {
        ChinaTime.RequireUtc(restoredAtUtc, nameof(restoredAtUtc));
        if (RestoredAt is not null)
        {
            throw new DomainRuleException($"Customer {CustomerId} was already restored at {RestoredAt:O} in event {EventKey}.");
        }

        if (restoredAtUtc < InterruptedAt)
        {
            throw new DomainRuleException($"Restored at {restoredAtUtc:O}, before the interruption at {InterruptedAt:O}.");
        }

        RestoredAt = restoredAtUtc;
        DurationSeconds = (int)Math.Min(int.MaxValue, Math.Round((restoredAtUtc - InterruptedAt).TotalSeconds));
    }
}
