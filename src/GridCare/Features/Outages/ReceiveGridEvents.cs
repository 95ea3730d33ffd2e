using GridCare.Analytics.MeterData.Events;
using GridCare.Domain.Network;
using GridCare.Domain.Outages;
using GridCare.Domain.Staff;
using GridCare.Features.MeterData;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Outages;

/// <summary>
/// One event from a meter, a transformer terminal or SCADA: the sender's id, the device (a meter number, a
/// transformer code for a terminal, a feeder or switch code for SCADA), what happened and when.
/// </summary>
public sealed record GridEventRequest(string? EventId, string? Device, string? Type, DateTimeOffset? OccurredAt);

/// <summary>A batch of events; it is taken whole or not at all.</summary>
public sealed record GridEventBatch(IReadOnlyList<GridEventRequest>? Events);

/// <summary>
/// What became of a batch: new outage signals, retried ones recognised, restorations applied, signals waiting for
/// detection, and (meter events) the events newly kept in the meter store.
/// </summary>
public sealed record GridEventsReceived(int Accepted, int Duplicates, int Restored, int Pending, long StoredEvents = 0);

public abstract record ReceiveGridEventsResult
{
    public sealed record Received(GridEventsReceived Summary) : ReceiveGridEventsResult;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : ReceiveGridEventsResult;

    public sealed record Forbidden(string Reason) : ReceiveGridEventsResult;
}

/// <summary>
/// Takes meter events (<c>POST /api/v1/meter-events</c>: power-off/power-on from meters, voltage loss/restored from
/// transformer terminals, and the events that only the meter store keeps: cover open, clock error, reverse flow…) and
/// SCADA events (<c>POST /api/v1/scada-events</c>: breaker trip/close). Every meter event also lands in the meter
/// store's <c>meter_events</c> (<see cref="StoreMeterEvents"/>), with the same batch semantics. Loss-of-supply
/// events wait for detection (<see cref="DetectOutages"/>), which groups them within its window; power-back events
/// restore, at once, the customers they cover in active outages. A batch is all-or-nothing and a retried event (same
/// source and id) is recognised and stored once.
/// </summary>
public sealed class ReceiveGridEvents(AppDbContext db, RestoreFromEvents restore, StoreMeterEvents store, TimeProvider time)
{
    public const int MaxBatch = 10_000;

    public static readonly StaffRole[] Senders = [StaffRole.Dispatcher, StaffRole.Admin];

    public async Task<ReceiveGridEventsResult> HandleAsync(GridEventBatch batch, bool scada, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(scope);
        if (!Senders.Any(scope.IsIn))
        {
            return new ReceiveGridEventsResult.Forbidden($"Grid events are sent with the account of a {string.Join(" or ", Senders.Select(StaffRoles.NameOf))}.");
        }

        var errors = new Dictionary<string, string[]>();
        var events = batch.Events ?? [];
        if (events.Count is 0 or > MaxBatch)
        {
            return Invalid("events", $"Send 1 to {MaxBatch} events in a batch.");
        }

        var devices = await DevicesAsync(events, scada, scope, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var signals = new List<OutageSignal>();
        var kept = new List<(string Device, DateTime OccurredAtUtc, string Kind)>();
        for (var i = 0; i < events.Count; i++)
        {
            var item = events[i];
            var field = $"events[{i}]";
            var (kind, storeKind) = ParseKind(item.Type, scada, $"{field}.type", errors);
            if (string.IsNullOrWhiteSpace(item.EventId) || item.EventId.Length > 128)
            {
                errors[$"{field}.eventId"] = ["The sender's event id (1–128 characters) is required."];
            }

            if (item.OccurredAt is not { } occurred || occurred.UtcDateTime > now.AddMinutes(5))
            {
                errors[$"{field}.occurredAt"] = ["When it happened (ISO 8601 with offset), not in the future."];
            }

            if (string.IsNullOrWhiteSpace(item.Device) || !devices.TryGetValue(item.Device.Trim(), out var device))
            {
                errors[$"{field}.device"] = [$"No {(scada ? "feeder or switch" : "meter or transformer")} '{item.Device}' in your org units."];
                continue;
            }

            if (kind is { } k && !Fits(k, device.Kind))
            {
                errors[$"{field}.type"] = [$"A {ApiEnums.Name(device.Kind)} does not send {item.Type}."];
                continue;
            }

            if (storeKind is not null && errors.Count == 0)
            {
                kept.Add((item.Device.Trim(), item.OccurredAt!.Value.UtcDateTime, storeKind));
            }

            if (kind is { } ok && errors.Count == 0)
            {
                var source = scada ? OutageSource.Scada : device.Kind == DeviceKind.Transformer ? OutageSource.TransformerTerminal : OutageSource.MeterEvent;
                signals.Add(OutageSignal.Receive(source, ok, item.EventId!.Trim(), device.Id, device.CustomerId, item.OccurredAt!.Value.UtcDateTime, now));
            }
        }

        if (errors.Count > 0)
        {
            return new ReceiveGridEventsResult.Invalid(errors);
        }

        // The meter store first: it recognises a retried batch itself, so a failure after it is healed by the retry.
        var storedEvents = kept.Count == 0 ? 0 : await store.HandleAsync(kept, $"api:{scope.UserName}", cancellationToken) is { AlreadyImported: false } batch2 ? batch2.Stored : 0;

        // A retried batch: events already stored (same source and id) are left out; the rest goes in one transaction.
        var ids = signals.Select(s => s.ExternalId).Distinct().ToList();
        var known = (await db.Set<OutageSignal>().AsNoTracking().Where(s => ids.Contains(s.ExternalId)).Select(s => new { s.ExternalId, s.Source }).ToListAsync(cancellationToken))
            .Select(s => (s.ExternalId, s.Source)).ToHashSet();
        var fresh = signals.Where(s => known.Add((s.ExternalId, s.Source))).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AddRange(fresh);
        var restored = await restore.ApplyAsync(fresh.Where(s => !s.IsLossOfSupply).ToList(), now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ReceiveGridEventsResult.Received(new GridEventsReceived(fresh.Count, signals.Count - fresh.Count, restored, fresh.Count(s => s.State == SignalState.Pending), storedEvents));
    }

    private sealed record EventDevice(long Id, DeviceKind Kind, long? CustomerId);

    /// <summary>The batch's devices by code, in the caller's units, each meter with the customer it serves.</summary>
    private async Task<Dictionary<string, EventDevice>> DevicesAsync(IReadOnlyList<GridEventRequest> events, bool scada, StaffScope scope, CancellationToken cancellationToken)
    {
        var codes = events.Where(e => !string.IsNullOrWhiteSpace(e.Device)).Select(e => e.Device!.Trim()).Distinct().ToList();
        var visible = scope.VisibleOrgUnitIds.ToList();
        var kinds = scada ? new[] { DeviceKind.Feeder, DeviceKind.Switch } : [DeviceKind.Meter, DeviceKind.Transformer];
        var devices = await db.NetworkDevices.AsNoTracking()
            .Where(d => codes.Contains(d.Code) && kinds.Contains(d.Kind) && visible.Contains(d.OrgUnitId))
            .Select(d => new { d.Id, d.Code, d.Kind })
            .ToListAsync(cancellationToken);
        var meterIds = devices.Where(d => d.Kind == DeviceKind.Meter).Select(d => d.Id).ToList();
        var customers = await db.Customers.AsNoTracking()
            .Where(c => meterIds.Contains(c.ServicePoint!.ParentId!.Value))
            .Select(c => new { c.Id, MeterId = c.ServicePoint!.ParentId!.Value })
            .ToListAsync(cancellationToken);
        var customerOf = customers.GroupBy(c => c.MeterId).ToDictionary(g => g.Key, g => g.First().Id);
        return devices.GroupBy(d => d.Code).ToDictionary(g => g.Key, g =>
        {
            var d = g.First();
            return new EventDevice(d.Id, d.Kind, customerOf.TryGetValue(d.Id, out var customer) ? customer : null);
        });
    }

    /// <summary>
    /// The signal kind an event gives outage management (none for events only the meter store keeps, such as a cover
    /// opened) and, for meter events, the kind the store keeps it as.
    /// </summary>
    private static (SignalKind? Signal, string? StoreKind) ParseKind(string? type, bool scada, string field, Dictionary<string, string[]> errors)
    {
        if (!scada)
        {
            var stored = MeterEventKinds.Parse(type);
            if (stored is null)
            {
                errors[field] = [$"One of {string.Join(", ", MeterEventKinds.All)}."];
                return (null, null);
            }

            SignalKind? signal = stored switch
            {
                MeterEventKinds.PowerOff => SignalKind.PowerOff,
                MeterEventKinds.PowerOn => SignalKind.PowerOn,
                MeterEventKinds.VoltageLoss => SignalKind.VoltageLoss,
                MeterEventKinds.VoltageRestored => SignalKind.VoltageRestored,
                _ => null,
            };
            return (signal, stored);
        }

        var kind = ApiEnums.Parse<SignalKind>(type, field, errors);
        var allowed = new[] { SignalKind.Trip, SignalKind.Close };
        if (string.IsNullOrWhiteSpace(type) || (kind is { } k && !allowed.Contains(k)))
        {
            errors[field] = [$"One of {string.Join(", ", allowed.Select(a => ApiEnums.Name(a)))}."];
            return (null, null);
        }

        return (kind, null);
    }

    private static bool Fits(SignalKind kind, DeviceKind device) => (kind, device) switch
    {
        (SignalKind.PowerOff or SignalKind.PowerOn, DeviceKind.Meter) => true,
        (SignalKind.VoltageLoss or SignalKind.VoltageRestored, DeviceKind.Transformer) => true,
        (SignalKind.Trip or SignalKind.Close, DeviceKind.Feeder or DeviceKind.Switch) => true,
        _ => false,
    };

    private static ReceiveGridEventsResult.Invalid Invalid(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
