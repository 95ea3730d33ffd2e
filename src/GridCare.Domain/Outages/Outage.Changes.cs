using GridCare.Domain.Sla;

namespace GridCare.Domain.Outages;

/// <summary>What happens to an outage after it is published or found; each change lands on the timeline.</summary>
public sealed partial class Outage
{
    /// <summary>The cut of a scheduled outage was made: its customers are off from <paramref name="atUtc"/>.</summary>
    public OutageError? Start(DateTime atUtc, string actor)
    {
        Require(atUtc, actor);
        if (Status != OutageStatus.Scheduled)
        {
            return NotNow("start");
        }

        Status = OutageStatus.Active;
        StartedAt = atUtc;
        entries.Add(new OutageEntry(atUtc, actor, OutageEntryKind.Started, null));
        return null;
    }

    /// <summary>A dispatcher's new estimate of when supply comes back.</summary>
    public OutageError? ChangeEtr(DateTime etrUtc, DateTime atUtc, string actor, string? note)
    {
        Require(atUtc, actor);
        ChinaTime.RequireUtc(etrUtc, nameof(etrUtc));
        if (!IsCurrent)
        {
            return NotNow("change the ETR of");
        }

        if (etrUtc <= atUtc)
        {
            return new OutageError(OutageErrorCode.EtrInPast, "The estimated restoration time is in the future.");
        }

        var before = Etr;
        Etr = etrUtc;
        entries.Add(new OutageEntry(atUtc, actor, OutageEntryKind.EtrChanged,
            $"{Text(before)} → {Text(etrUtc)}{(string.IsNullOrWhiteSpace(note) ? string.Empty : "; " + note.Trim())}"));
        return null;
    }

    /// <summary>
    /// Restores the given customers (all still off when <paramref name="customerIds"/> is null) as one step on
    /// <paramref name="deviceId"/>; when none is left off, the outage is restored. Answers the customers restored now.
    /// </summary>
    public RestoreResult Restore(IReadOnlySet<long>? customerIds, long? deviceId, DateTime atUtc, string actor)
    {
        Require(atUtc, actor);
        if (Status != OutageStatus.Active)
        {
            return new RestoreResult([], NotNow("restore"));
        }

        if (StartedAt is { } started && atUtc < started)
        {
            throw new DomainRuleException($"A restoration at {atUtc:O} predates the start of {Number} at {started:O}.");
        }

        var restored = customers.Where(c => c.RestoredAt is null && (customerIds is null || customerIds.Contains(c.CustomerId))).ToList();
        if (restored.Count == 0)
        {
            return new RestoreResult([], new OutageError(OutageErrorCode.NothingToRestore, "None of these customers is still off in this outage."));
        }

        foreach (var customer in restored)
        {
            customer.Restore(atUtc);
        }

        RestoredCustomerCount += restored.Count;
        steps.Add(new OutageStep(atUtc, deviceId, restored.Count, actor));
        var all = RestoredCustomerCount >= CustomerCount;
        entries.Add(new OutageEntry(atUtc, actor, all ? OutageEntryKind.Restored : OutageEntryKind.PartiallyRestored,
            $"{restored.Count} customers ({RestoredCustomerCount}/{CustomerCount})"));
        if (all)
        {
            Status = OutageStatus.Restored;
            RestoredAt = atUtc;
        }

        return new RestoreResult([.. restored.Select(c => c.CustomerId)], null);
    }

    /// <summary>Calls off a scheduled outage before its cut.</summary>
    public OutageError? Cancel(string reason, DateTime atUtc, string actor)
    {
        Require(atUtc, actor);
        DomainRuleException.ThrowIfBlank(reason, nameof(reason));
        if (Status != OutageStatus.Scheduled)
        {
            return NotNow("cancel");
        }

        Status = OutageStatus.Cancelled;
        CancelledAt = atUtc;
        CancelReason = reason.Trim();
        entries.Add(new OutageEntry(atUtc, actor, OutageEntryKind.Cancelled, CancelReason));
        return null;
    }

    /// <summary>A repair call from a customer inside the outage: counted and on the timeline, no new order.</summary>
    public void LinkCall(DateTime atUtc, string actor, string detail)
    {
        Require(atUtc, actor);
        CallCount++;
        entries.Add(new OutageEntry(atUtc, actor, OutageEntryKind.CallLinked, detail));
    }

    /// <summary>Meter, terminal or SCADA events that confirm the outage.</summary>
    public void LinkSignals(int count, DateTime atUtc, string actor)
    {
        Require(atUtc, actor);
        if (count <= 0)
        {
            return;
        }

        SignalCount += count;
        entries.Add(new OutageEntry(atUtc, actor, OutageEntryKind.SignalsLinked, count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public void ReminderQueued(DateTime atUtc, string actor)
    {
        Require(atUtc, actor);
        ReminderQueuedAt ??= atUtc;
        entries.Add(new OutageEntry(atUtc, actor, OutageEntryKind.ReminderQueued, null));
    }

    /// <summary>The repair order dispatched for an unplanned outage; calls of its customers are counted on it too.</summary>
    public void AttachRepairOrder(long orderId, string orderNumber, DateTime atUtc, string actor)
    {
        Require(atUtc, actor);
        RepairOrderId = orderId;
        RepairOrderNumber = orderNumber;
        entries.Add(new OutageEntry(atUtc, actor, OutageEntryKind.RepairOrderOpened, orderNumber));
    }

    private OutageError NotNow(string what) =>
        new(OutageErrorCode.NotAllowedNow, $"Cannot {what} outage {Number} while it is {Status.ToString().ToLowerInvariant()}.");

    private static void Require(DateTime atUtc, string actor)
    {
        ChinaTime.RequireUtc(atUtc, nameof(atUtc));
        DomainRuleException.ThrowIfBlank(actor, nameof(actor));
    }

    private static string Text(DateTime? utc) => utc is { } value ? ChinaTime.ToCst(value).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "-";
}

/// <summary>The customers a restoration step put back, or why it could not be made.</summary>
public sealed record RestoreResult(IReadOnlyList<long> CustomerIds, OutageError? Error);
