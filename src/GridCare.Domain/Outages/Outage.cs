using GridCare.Domain.Sla;

namespace GridCare.Domain.Outages;

/// <summary>
/// One loss of supply on one part of the network, planned or found: the device it is on, the customers it cuts off,
/// when it starts, the estimated restoration time (ETR) and the steps of its restoration, with a timeline of
/// everything that happened to it. Notices are not sent from here; the use cases queue them in the same transaction.
/// </summary>
public sealed partial class Outage
{
    private readonly List<long> switchedOffDeviceIds = [];
    private readonly List<OutageCustomer> customers = [];
    private readonly List<OutageStep> steps = [];
    private readonly List<OutageEntry> entries = [];

    private Outage()
    {
        Number = string.Empty;
        Area = string.Empty;
        Reason = string.Empty;
    }

    public long Id { get; private set; }

    /// <summary>The number dispatchers and customers quote, e.g. <c>TD20261127-003</c> (停电, China date, sequence).</summary>
    public string Number { get; private set; }

    public OutageKind Kind { get; private set; }

    public OutageStatus Status { get; private set; }

    public OutageSource Source { get; private set; }

    /// <summary>The device the outage is on: the switched-off device of a planned outage, the inferred faulted device otherwise.</summary>
    public long DeviceId { get; private set; }

    /// <summary>Further devices switched off for a planned outage (the first is <see cref="DeviceId"/>).</summary>
    public IReadOnlyList<long> SwitchedOffDeviceIds => switchedOffDeviceIds;

    public int OrgUnitId { get; private set; }

    public long? FeederId { get; private set; }

    /// <summary>The area as customers understand it (feeder, branch, villages), for notices and the portal.</summary>
    public string Area { get; private set; }

    /// <summary>Why: the maintenance work of a planned outage, the suspected cause of a fault.</summary>
    public string Reason { get; private set; }

    /// <summary>How sure the inference is that the fault is on <see cref="DeviceId"/>: 1 for planned outages and breaker trips.</summary>
    public double Confidence { get; private set; }

    public DateTime? PlannedStart { get; private set; }

    public DateTime? PlannedEnd { get; private set; }

    public DateTime? StartedAt { get; private set; }

    /// <summary>Estimated restoration time; for a planned outage its planned end until a dispatcher changes it.</summary>
    public DateTime? Etr { get; private set; }

    public DateTime? RestoredAt { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    /// <summary>Why a planned or temporary outage was published with less notice than the rule; recorded, never blank when set.</summary>
    public string? NoticeOverrideReason { get; private set; }

    public DateTime? ReminderQueuedAt { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public string? CancelReason { get; private set; }

    public long? RepairOrderId { get; private set; }

    public string? RepairOrderNumber { get; private set; }

    public int CustomerCount { get; private set; }

    public int RestoredCustomerCount { get; private set; }

    public int TransformerCount { get; private set; }

    public int ImportantCustomerCount { get; private set; }

    /// <summary>Repair calls from customers inside the outage, linked to it instead of opening orders.</summary>
    public int CallCount { get; private set; }

    /// <summary>Meter, terminal and SCADA events grouped into the outage.</summary>
    public int SignalCount { get; private set; }

    public IReadOnlyList<OutageCustomer> Customers => customers;

    public IReadOnlyList<OutageStep> Steps => steps;

    public IReadOnlyList<OutageEntry> Entries => entries;

    public bool IsCurrent => Status is OutageStatus.Scheduled or OutageStatus.Active;

    /// <summary>
    /// Publishes a planned or temporary outage. Less notice than <paramref name="rule"/> asks is refused unless an
    /// override reason is given, which is recorded on the outage and its timeline.
    /// </summary>
    public static OutageResult Plan(
        OutageKind kind, string number, OutagePlace place, string reason, DateTime startUtc, DateTime endUtc,
        OutageImpact impact, NoticeRule rule, string? overrideReason, DateTime nowUtc, string actor)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(impact);
        ArgumentNullException.ThrowIfNull(rule);
        if (kind == OutageKind.Unplanned)
        {
            throw new DomainRuleException("An unplanned outage is detected, not planned.");
        }

        ChinaTime.RequireUtc(startUtc, nameof(startUtc));
        ChinaTime.RequireUtc(endUtc, nameof(endUtc));
        ChinaTime.RequireUtc(nowUtc, nameof(nowUtc));
        if (endUtc <= startUtc)
        {
            return OutageResult.Refused(OutageErrorCode.EndBeforeStart, "The expected end must be after the start.");
        }

        if (startUtc <= nowUtc)
        {
            return OutageResult.Refused(OutageErrorCode.StartInPast, "A planned outage starts in the future.");
        }

        var overridden = !rule.IsMet(kind, nowUtc, startUtc);
        if (overridden && string.IsNullOrWhiteSpace(overrideReason))
        {
            return OutageResult.Refused(
                OutageErrorCode.NoticeTooShort,
                $"A {kind.ToString().ToLowerInvariant()} outage is noticed at least {Hours(rule.Required(kind))} h before the cut; this one gives {Hours(startUtc - nowUtc)} h. Give an override reason to publish it anyway.");
        }

        var outage = New(kind, number, place, reason, OutageSource.Dispatcher, confidence: 1, impact, actor);
        outage.Status = OutageStatus.Scheduled;
        outage.PlannedStart = startUtc;
        outage.PlannedEnd = endUtc;
        outage.Etr = endUtc;
        outage.PublishedAt = nowUtc;
        outage.PublishedBy = actor;
        outage.entries.Add(new OutageEntry(nowUtc, actor, OutageEntryKind.Published, $"{impact.Customers.Count} customers"));
        if (overridden)
        {
            outage.NoticeOverrideReason = overrideReason!.Trim();
            outage.entries.Add(new OutageEntry(nowUtc, actor, OutageEntryKind.NoticeOverridden, outage.NoticeOverrideReason));
        }

        return OutageResult.Done(outage);
    }

    /// <summary>An unplanned outage found from events or calls (or declared by a dispatcher), active from <paramref name="startedAtUtc"/>.</summary>
    public static Outage Detect(
        string number, OutagePlace place, string reason, OutageSource source, double confidence, DateTime startedAtUtc,
        DateTime etrUtc, OutageImpact impact, DateTime nowUtc, string actor)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(impact);
        ChinaTime.RequireUtc(startedAtUtc, nameof(startedAtUtc));
        ChinaTime.RequireUtc(etrUtc, nameof(etrUtc));
        ChinaTime.RequireUtc(nowUtc, nameof(nowUtc));
        if (confidence is <= 0 or > 1)
        {
            throw new DomainRuleException($"Confidence is in (0, 1], not {confidence}.");
        }

        var outage = New(OutageKind.Unplanned, number, place, reason, source, confidence, impact, actor);
        outage.Status = OutageStatus.Active;
        outage.StartedAt = startedAtUtc;
        outage.Etr = etrUtc;
        outage.PublishedAt = nowUtc;
        outage.PublishedBy = actor;
        outage.entries.Add(new OutageEntry(nowUtc, actor, OutageEntryKind.Detected, $"{source}, confidence {confidence:0.00}, {impact.Customers.Count} customers"));
        return outage;
    }

    private static Outage New(
        OutageKind kind, string number, OutagePlace place, string reason, OutageSource source, double confidence, OutageImpact impact, string actor)
    {
        DomainRuleException.ThrowIfBlank(number, nameof(number));
        DomainRuleException.ThrowIfBlank(actor, nameof(actor));
        DomainRuleException.ThrowIfBlank(place.Area, nameof(place));
        DomainRuleException.ThrowIfBlank(reason, nameof(reason));
        var outage = new Outage
        {
            Number = number,
            Kind = kind,
            Source = source,
            DeviceId = place.DeviceId,
            OrgUnitId = place.OrgUnitId,
            FeederId = place.FeederId,
            Area = place.Area.Trim(),
            Reason = reason.Trim(),
            Confidence = confidence,
            CustomerCount = impact.Customers.Count,
            TransformerCount = impact.TransformerCount,
            ImportantCustomerCount = impact.ImportantCustomerCount,
        };
        outage.switchedOffDeviceIds.AddRange(place.SwitchedOffDeviceIds.Prepend(place.DeviceId).Distinct());
        outage.customers.AddRange(impact.Customers.DistinctBy(c => c.CustomerId).Select(c => new OutageCustomer(c.CustomerId, c.TransformerId)));
        return outage;
    }

    private static string Hours(TimeSpan span) => span.TotalHours.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
