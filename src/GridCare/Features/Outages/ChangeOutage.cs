using GridCare.Domain.Network;
using GridCare.Domain.Outages;
using GridCare.Domain.Staff;
using GridCare.Features.Network;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Outages;

/// <summary>
/// The fields an outage action may need: <c>etr</c> (+ <c>note</c>) for <c>etr</c>; <c>device</c> (a code below the
/// outage's device, for a partial restoration; none restores everyone left) for <c>restore</c>; <c>reason</c> for
/// <c>cancel</c>; <c>at</c> (when it happened, default now) for <c>start</c> and <c>restore</c>.
/// </summary>
public sealed record ChangeOutageRequest(DateTimeOffset? Etr = null, string? Note = null, string? Device = null, string? Reason = null, DateTimeOffset? At = null);

public abstract record ChangeOutageResult
{
    public sealed record Changed(OutageResponse Outage) : ChangeOutageResult;

    public sealed record NotFound : ChangeOutageResult;

    public sealed record Forbidden(string Reason) : ChangeOutageResult;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : ChangeOutageResult;

    public sealed record Refused(OutageError Error) : ChangeOutageResult;
}

/// <summary>
/// A dispatcher's step on an outage (<c>POST /api/v1/outages/{number}/{action}</c>): start the cut, change the ETR,
/// restore (all or the customers below one device), cancel a scheduled one. Each change queues its notices and
/// writes the reliability ledger in the same transaction.
/// </summary>
public sealed class ChangeOutage(AppDbContext db, NetworkTopologyCache topologies, TimeProvider time)
{
    public static readonly IReadOnlyList<string> Actions = ["start", "etr", "restore", "cancel"];

    public static readonly StaffRole[] Changers = [StaffRole.Dispatcher, StaffRole.Manager, StaffRole.Admin];

    public async Task<ChangeOutageResult> HandleAsync(string number, string action, ChangeOutageRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        if (!Changers.Any(scope.IsIn))
        {
            return new ChangeOutageResult.Forbidden($"Outages are changed by {string.Join(", ", Changers.Select(StaffRoles.NameOf))}.");
        }

        var visible = scope.VisibleOrgUnitIds.ToList();
        var outage = await db.Set<Outage>().Include(o => o.Customers).Include(o => o.Entries).Include(o => o.Steps)
            .AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Number == number && visible.Contains(o.OrgUnitId), cancellationToken);
        if (outage is null)
        {
            return new ChangeOutageResult.NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var at = request.At?.UtcDateTime ?? now;
        if (at > now.AddMinutes(5))
        {
            return new ChangeOutageResult.Invalid(new Dictionary<string, string[]> { ["at"] = ["A step cannot be recorded in the future."] });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var error = action switch
        {
            "start" => await StartAsync(outage, at, scope.UserName, cancellationToken),
            "etr" => await ChangeEtrAsync(outage, request, now, scope.UserName, cancellationToken),
            "restore" => await RestoreAsync(outage, request.Device, at, scope, cancellationToken),
            "cancel" => string.IsNullOrWhiteSpace(request.Reason)
                ? new Invalid("reason", "Say why the outage is called off.")
                : await CancelAsync(outage, request.Reason, now, scope.UserName, cancellationToken),
            _ => new Invalid("action", $"'{action}' is not one of {string.Join(", ", Actions)}."),
        };
        switch (error)
        {
            case Invalid invalid:
                return new ChangeOutageResult.Invalid(new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] });
            case Refusal refusal:
                return new ChangeOutageResult.Refused(refusal.Error);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ChangeOutageResult.Changed(OutageResponse.Of(outage, await OutageQueries.DeviceAsync(db, outage.DeviceId, cancellationToken)));
    }

    private async Task<Problem?> StartAsync(Outage outage, DateTime at, string actor, CancellationToken cancellationToken)
    {
        if (outage.Start(at, actor) is { } refused)
        {
            return new Refusal(refused);
        }

        await OutageInterruptions.StartAsync(db, outage, at, cancellationToken);
        return null;
    }

    private async Task<Problem?> ChangeEtrAsync(Outage outage, ChangeOutageRequest request, DateTime now, string actor, CancellationToken cancellationToken)
    {
        if (request.Etr is not { } etr)
        {
            return new Invalid("etr", "The new estimated restoration time is required.");
        }

        if (outage.ChangeEtr(etr.UtcDateTime, now, actor, request.Note) is { } refused)
        {
            return refused.Code == OutageErrorCode.EtrInPast ? new Invalid("etr", refused.Message) : new Refusal(refused);
        }

        await OutageNotices.EtrChangedAsync(db, outage, outage.Entries.Count(e => e.Kind == OutageEntryKind.EtrChanged), cancellationToken);
        return null;
    }

    private async Task<Problem?> RestoreAsync(Outage outage, string? deviceCode, DateTime at, StaffScope scope, CancellationToken cancellationToken)
    {
        HashSet<long>? below = null;
        long? deviceId = null;
        if (!string.IsNullOrWhiteSpace(deviceCode))
        {
            var visible = scope.VisibleOrgUnitIds.ToList();
            var device = await db.NetworkDevices.AsNoTracking().FirstOrDefaultAsync(d => d.Code == deviceCode.Trim() && visible.Contains(d.OrgUnitId), cancellationToken);
            if (device is null || device.Kind is DeviceKind.Substation)
            {
                return new Invalid("device", $"No device {deviceCode} in your org units that can be put back.");
            }

            below = [.. (await topologies.GetAsync(cancellationToken)).CustomersBelow(device.Id)];
            deviceId = device.Id;
        }

        var restored = await OutageRestoration.RestoreAsync(db, outage, below, deviceId, at, scope.UserName, cancellationToken);
        return restored.Error switch
        {
            null => null,
            { Code: OutageErrorCode.NothingToRestore } refused => new Invalid("device", refused.Message),
            var refused => new Refusal(refused),
        };
    }

    private async Task<Problem?> CancelAsync(Outage outage, string reason, DateTime now, string actor, CancellationToken cancellationToken)
    {
        if (outage.Cancel(reason, now, actor) is { } refused)
        {
            return new Refusal(refused);
        }

        await OutageNotices.CancelledAsync(db, outage, cancellationToken);
        return null;
    }

    private abstract record Problem;

    private sealed record Invalid(string Field, string Message) : Problem;

    private sealed record Refusal(OutageError Error) : Problem;
}
