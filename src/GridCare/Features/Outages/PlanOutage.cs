using GridCare.Domain.Network;
using GridCare.Domain.Outages;
using GridCare.Domain.Staff;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Outages;

/// <summary>
/// A planned or temporary outage as a dispatcher posts it: the devices switched off (codes; the first is the one the
/// outage is on), the cut and the expected end, the work, optionally the area as customers know it, and the reason
/// for publishing with less notice than the rule asks.
/// </summary>
public sealed record PlanOutageRequest(
    string? Kind,
    IReadOnlyList<string>? Devices,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    string? Reason,
    string? Area = null,
    string? OverrideReason = null);

public abstract record PlanOutageResult
{
    public sealed record Published(PlannedOutage Outage) : PlanOutageResult;

    public sealed record Previewed(OutagePreview Preview) : PlanOutageResult;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : PlanOutageResult;

    /// <summary>Less notice than the rule asks and no override reason: 422 with both figures.</summary>
    public sealed record NoticeTooShort(string Message, OutageNotice Notice) : PlanOutageResult;

    public sealed record Forbidden(string Reason) : PlanOutageResult;
}

/// <summary>
/// Publishes a planned or temporary outage: traces the customers the switched-off devices cut off, checks the notice
/// rule (7 days planned, 24 h temporary; shorter only with a recorded override reason) and, in one transaction, saves
/// the outage with its customers and queues their notices. The preview does all of it but the saving.
/// </summary>
public sealed class PlanOutage(AppDbContext db, TraceOutage trace, OutageCustomers customers, IOptions<OutagesOptions> options, TimeProvider time)
{
    public const int ListedCustomers = 200;

    public static readonly StaffRole[] Planners = [StaffRole.Dispatcher, StaffRole.Manager, StaffRole.Admin];

    public Task<PlanOutageResult> PreviewAsync(PlanOutageRequest request, StaffScope scope, CancellationToken cancellationToken) =>
        HandleAsync(request, scope, publish: false, cancellationToken);

    public Task<PlanOutageResult> PublishAsync(PlanOutageRequest request, StaffScope scope, CancellationToken cancellationToken) =>
        HandleAsync(request, scope, publish: true, cancellationToken);

    private async Task<PlanOutageResult> HandleAsync(PlanOutageRequest request, StaffScope scope, bool publish, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        if (!Planners.Any(scope.IsIn))
        {
            return new PlanOutageResult.Forbidden($"Outages are planned by {string.Join(", ", Planners.Select(StaffRoles.NameOf))}.");
        }

        var errors = new Dictionary<string, string[]>();
        var kind = ApiEnums.Parse<OutageKind>(request.Kind, "kind", errors);
        if (kind == OutageKind.Unplanned)
        {
            errors["kind"] = ["An unplanned outage is detected or declared, not planned: use planned or temporary."];
        }

        Require(request.Kind, "kind", errors);
        Require(request.Reason, "reason", errors);
        if (request.Start is null)
        {
            errors["start"] = ["The start of the cut is required."];
        }

        if (request.End is null)
        {
            errors["end"] = ["The expected end is required."];
        }

        var devices = await FindDevicesAsync(request.Devices, scope, errors, cancellationToken);
        if (errors.Count > 0 || kind is not { } outageKind || devices is null)
        {
            return new PlanOutageResult.Invalid(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var start = request.Start!.Value.UtcDateTime;
        var end = request.End!.Value.UtcDateTime;
        var traced = await trace.TraceAsync(devices[0], devices, string.IsNullOrWhiteSpace(request.Area) ? null : request.Area, cancellationToken);
        var rule = options.Value.NoticeRule;
        var notice = new OutageNotice(rule.Required(outageKind).TotalHours, Math.Round((start - now).TotalHours, 1), rule.IsMet(outageKind, now, start));
        var device = new OutageDevice(devices[0].Code, devices[0].Name, devices[0].Kind);
        if (!publish)
        {
            var listed = await customers.ListAsync(traced.Impact.Customers.Select(c => c.CustomerId).Take(ListedCustomers).ToList(), null, scope, cancellationToken);
            return new PlanOutageResult.Previewed(new OutagePreview(
                device, traced.Place.Area, traced.Impact.Customers.Count, traced.Impact.ImportantCustomerCount, traced.Impact.TransformerCount, notice, listed));
        }

        var number = await OutageNumbers.NextAsync(db, now, cancellationToken);
        var made = Outage.Plan(outageKind, number, traced.Place, request.Reason!, start, end, traced.Impact, rule, request.OverrideReason, now, scope.UserName);
        switch (made.Error)
        {
            case { Code: OutageErrorCode.NoticeTooShort } tooShort:
                return new PlanOutageResult.NoticeTooShort(tooShort.Message, notice);
            case { Code: OutageErrorCode.EndBeforeStart } error:
                return new PlanOutageResult.Invalid(new Dictionary<string, string[]> { ["end"] = [error.Message] });
            case { } error:
                return new PlanOutageResult.Invalid(new Dictionary<string, string[]> { ["start"] = [error.Message] });
        }

        var outage = made.Outage!;
        db.Add(outage);
        await OutageNotices.PublishedAsync(db, outage, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var affected = await customers.ListAsync(outage.Customers.Select(c => c.CustomerId).Take(ListedCustomers).ToList(), outage, scope, cancellationToken);
        return new PlanOutageResult.Published(new PlannedOutage(OutageResponse.Of(outage, device), affected));
    }

    /// <summary>The switched-off devices by code, in the caller's units; unknown and foreign codes are named alike.</summary>
    private async Task<List<NetworkDevice>?> FindDevicesAsync(
        IReadOnlyList<string>? codes, StaffScope scope, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var wanted = codes?.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList() ?? [];
        if (wanted.Count == 0)
        {
            errors["devices"] = ["Name at least one device switched off (feeder, switch or transformer code)."];
            return null;
        }

        var visible = scope.VisibleOrgUnitIds.ToList();
        var found = await db.NetworkDevices.AsNoTracking()
            .Where(d => wanted.Contains(d.Code) && visible.Contains(d.OrgUnitId))
            .ToListAsync(cancellationToken);
        var byCode = found.GroupBy(d => d.Code).ToDictionary(g => g.Key, g => g.First());
        var missing = wanted.Where(c => !byCode.ContainsKey(c)).ToList();
        var notSwitchable = found.Where(d => d.Kind is DeviceKind.Substation or DeviceKind.ServicePoint).Select(d => d.Code).ToList();
        if (missing.Count > 0)
        {
            errors["devices"] = [$"No device {string.Join(", ", missing)} in your org units."];
            return null;
        }

        if (notSwitchable.Count > 0)
        {
            errors["devices"] = [$"{string.Join(", ", notSwitchable)}: an outage is on a feeder, switch, transformer or meter."];
            return null;
        }

        return [.. wanted.Select(c => byCode[c])];
    }

    private static void Require(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value) && !errors.ContainsKey(field))
        {
            errors[field] = [$"{field} is required."];
        }
    }
}
