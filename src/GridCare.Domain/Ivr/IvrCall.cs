using GridCare.Domain.Sla;

namespace GridCare.Domain.Ivr;

/// <summary>
/// One call the voice self-service (IVR) answered, as the IVR reports it after the caller hung up or was transferred:
/// whether the recorded answers were enough (resolved in self-service) or an agent was needed. Its share of all calls
/// is a satisfaction indicator: every call the IVR settles is one less in the agents' queue.
/// </summary>
public sealed class IvrCall
{
    private IvrCall()
    {
        CallId = string.Empty;
        Phone = string.Empty;
        RecordedBy = string.Empty;
    }

    public long Id { get; private set; }

    /// <summary>The IVR's own id of the call; unique, so a retried report stores nothing twice.</summary>
    public string CallId { get; private set; }

    public string Phone { get; private set; }

    /// <summary>The account number the caller keyed in, if any.</summary>
    public string? AccountNumber { get; private set; }

    /// <summary>The account the call was about, when the keyed number or the phone identified exactly one.</summary>
    public long? CustomerId { get; private set; }

    /// <summary>The customer's unit, or the IVR account's unit for a caller who was not identified; the report groups by it.</summary>
    public int OrgUnitId { get; private set; }

    /// <summary>What the IVR said to the caller (the speech it played), for quality review.</summary>
    public string? Said { get; private set; }

    public bool ResolvedInSelfService { get; private set; }

    public DateTime OccurredAt { get; private set; }

    /// <summary>The China calendar day of <see cref="OccurredAt"/>, the reporting day.</summary>
    public DateOnly CallDay { get; private set; }

    public DateTime RecordedAt { get; private set; }

    public string RecordedBy { get; private set; }

    public static IvrCall Record(
        string callId, string phone, string? accountNumber, long? customerId, int orgUnitId, string? said, bool resolvedInSelfService,
        DateTime occurredAtUtc, DateTime recordedAtUtc, string recordedBy)
    {
        DomainRuleException.ThrowIfBlank(callId, nameof(callId));
        DomainRuleException.ThrowIfBlank(phone, nameof(phone));
        return new IvrCall
        {
            CallId = callId,
            Phone = phone,
            AccountNumber = string.IsNullOrWhiteSpace(accountNumber) ? null : accountNumber,
            CustomerId = customerId,
            OrgUnitId = orgUnitId,
            Said = string.IsNullOrWhiteSpace(said) ? null : said,
            ResolvedInSelfService = resolvedInSelfService,
            OccurredAt = ToMicroseconds(occurredAtUtc),
            CallDay = ChinaTime.DateOf(occurredAtUtc),
            RecordedAt = ToMicroseconds(recordedAtUtc),
            RecordedBy = recordedBy,
        };
    }

    /// <summary>
    /// PostgreSQL keeps microseconds: the first answer to a call record must equal what a retry reads back, so the
    /// instants are cut to what every provider stores.
    /// </summary>
    private static DateTime ToMicroseconds(DateTime utc) => utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMicrosecond));
}
