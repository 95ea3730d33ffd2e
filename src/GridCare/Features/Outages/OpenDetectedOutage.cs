using System.Globalization;
using GridCare.Analytics.Outages;
using GridCare.Domain.Outages;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;
using GridCare.Features.Intake.Receiving;
using GridCare.Features.RoutingRules;
using GridCare.Features.WorkOrders;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Outages;

/// <summary>
/// Opens an inferred outage in one transaction: the outage on its device with the traced customers, their
/// interruption records and "outage found" notices, the signals grouped into it, and one repair order for the crews —
/// the first caller's order, with the other callers' orders merged into it, or a proactive order when nobody called,
/// routed by the routing rules like any new order.
/// </summary>
public sealed class OpenDetectedOutage(
    AppDbContext db, TraceOutage trace, OrderNumbers numbers, StaffScopeResolver scopes, SlaClock clock, SlaPolicies policies,
    RouteWorkOrder routing, IOptions<OutagesOptions> options)
{
    public async Task<Outage> HandleAsync(InferredOutage inferred, IReadOnlyList<OutageSignal> signals, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inferred);
        ArgumentNullException.ThrowIfNull(signals);
        var device = await db.NetworkDevices.AsNoTracking().FirstAsync(d => d.Id == inferred.DeviceId, cancellationToken);
        var traced = await trace.TraceAsync(device, [], null, cancellationToken);
        var source = signals.Any(s => s.Kind == SignalKind.Trip) ? OutageSource.Scada
            : signals.Any(s => s.Kind == SignalKind.VoltageLoss && s.Source == OutageSource.TransformerTerminal) ? OutageSource.TransformerTerminal
            : signals.Any(s => s.Kind == SignalKind.PowerOff) ? OutageSource.MeterEvent
            : signals.Any(s => s.Source == OutageSource.MeterReadings) ? OutageSource.MeterReadings
            : OutageSource.Call;
        var calls = signals.Count(s => s.Kind == SignalKind.RepairCall);
        var reason = string.Create(CultureInfo.InvariantCulture, $"Fault on {device.Code}: {signals.Count - calls} events, {calls} calls ({inferred.ReportingCustomers} of {inferred.CustomersBelow} customers)");
        var number = await OutageNumbers.NextAsync(db, nowUtc, cancellationToken);
        var startedAt = signals.Min(s => s.OccurredAt);
        var etr = nowUtc.AddHours(options.Value.DefaultRestorationHours);
        var outage = Outage.Detect(number, traced.Place, reason, source, inferred.Confidence, startedAt, etr, traced.Impact, nowUtc, DetectOutages.Actor);

        // Reads and the number lease come first: the lease writes the counter row on a connection of its own, which
        // SQLite would refuse while this transaction holds the write lock.
        var callers = await CallerOrders.OpenAsync(db, signals, cancellationToken);
        var tree = await scopes.TreeAsync(cancellationToken);
        var prefix = tree.OrderPrefixOf(device.OrgUnitId);
        using var lease = callers.Count == 0 ? await numbers.LeaseAsync([(prefix, nowUtc)], cancellationToken) : null;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(outage);
        var order = await RepairOrderAsync(outage, device, callers, lease, prefix, nowUtc, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        outage.AttachRepairOrder(order.Id, order.Number, nowUtc, DetectOutages.Actor);
        outage.LinkSignals(signals.Count - calls, nowUtc, DetectOutages.Actor);
        foreach (var signal in signals)
        {
            signal.GroupInto(outage.Id);
            if (signal.Kind == SignalKind.RepairCall)
            {
                outage.LinkCall(nowUtc, DetectOutages.Actor, signal.ExternalId);
            }
        }

        await OutageInterruptions.StartAsync(db, outage, startedAt, cancellationToken);
        await OutageNotices.DetectedAsync(db, outage, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outage;
    }

    /// <summary>The callers' open repair orders folded into the earliest; a new proactive order when nobody called.</summary>
    private async Task<WorkOrder> RepairOrderAsync(
        Outage outage, Domain.Network.NetworkDevice device, List<WorkOrder> callers, NumberLease? lease, string prefix, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var note = string.Create(CultureInfo.InvariantCulture, $"Outage {outage.Number} on {device.Code} ({outage.Area}): {outage.CustomerCount} customers off, confidence {outage.Confidence:0.00}.");
        var context = new ChangeContext(DetectOutages.Actor, nowUtc, clock, null);
        if (callers.Count > 0 || lease is null)
        {
            var first = callers[0];
            first.AddNote(EntryKind.AgentNote, note, isCustomerVisible: false, context);
            foreach (var other in callers.Skip(1))
            {
                other.MergeInto(first, context);
            }

            return first;
        }

        var orderNumber = lease.Peek(prefix, nowUtc);
        var intake = new WorkOrderIntake(orderNumber.ToString(), WorkOrderType.Repair, Channel.Proactive, nowUtc, device.OrgUnitId, DetectOutages.Actor, note)
        {
            AreaType = device.AreaType,
            Priority = outage.ImportantCustomerCount > 0 || outage.CustomerCount >= 100 ? WorkOrderPriority.Urgent : WorkOrderPriority.High,
        };
        var made = WorkOrder.Receive(intake, policies.Current, clock);
        var order = made.Order ?? throw new InvalidOperationException($"A proactive repair order was refused: {made.Error?.Message}");
        lease.Take(orderNumber);
        await routing.HandleAsync(order, context with { Channel = Channel.Proactive }, cancellationToken);
        db.WorkOrders.Add(order);
        return order;
    }
}
