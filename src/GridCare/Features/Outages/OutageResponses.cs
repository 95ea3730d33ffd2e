using GridCare.Domain.Network;
using GridCare.Domain.Outages;

namespace GridCare.Features.Outages;

public sealed record OutageDevice(string Code, string Name, DeviceKind Kind);

/// <summary>An outage as the board, the API and the portal show it.</summary>
public sealed record OutageResponse(
    long Id,
    string Number,
    OutageKind Kind,
    OutageStatus Status,
    OutageSource Source,
    OutageDevice Device,
    int OrgUnitId,
    string Area,
    string Reason,
    double Confidence,
    DateTime? PlannedStart,
    DateTime? PlannedEnd,
    DateTime? StartedAt,
    DateTime? Etr,
    DateTime? RestoredAt,
    int CustomerCount,
    int RestoredCustomerCount,
    int TransformerCount,
    int ImportantCustomerCount,
    int CallCount,
    int SignalCount,
    string? RepairOrderNumber,
    DateTime? PublishedAt,
    string? PublishedBy,
    string? NoticeOverrideReason,
    string? CancelReason)
{
    public static OutageResponse Of(Outage outage, OutageDevice device)
    {
        ArgumentNullException.ThrowIfNull(outage);
        return new(
            outage.Id, outage.Number, outage.Kind, outage.Status, outage.Source, device, outage.OrgUnitId, outage.Area, outage.Reason,
            outage.Confidence, outage.PlannedStart, outage.PlannedEnd, outage.StartedAt, outage.Etr, outage.RestoredAt,
            outage.CustomerCount, outage.RestoredCustomerCount, outage.TransformerCount, outage.ImportantCustomerCount,
            outage.CallCount, outage.SignalCount, outage.RepairOrderNumber, outage.PublishedAt, outage.PublishedBy,
            outage.NoticeOverrideReason, outage.CancelReason);
    }
}

/// <summary>One affected customer as staff see them (the phone masked for roles that do not call customers).</summary>
public sealed record AffectedCustomer(long Id, string AccountNumber, string Name, string? Phone, string Address, bool IsImportant, DateTime? RestoredAt);

/// <summary>The notice an outage gives against the rule for its kind.</summary>
public sealed record OutageNotice(double RequiredHours, double GivenHours, bool Met);

/// <summary>What publishing would do: the customers cut off and whether the notice rule is met.</summary>
public sealed record OutagePreview(
    OutageDevice Device, string Area, int CustomerCount, int ImportantCustomerCount, int TransformerCount, OutageNotice Notice,
    IReadOnlyList<AffectedCustomer> Customers);

/// <summary>A published outage with the customers it cuts off (the first <see cref="PlanOutage.ListedCustomers"/>).</summary>
public sealed record PlannedOutage(OutageResponse Outage, IReadOnlyList<AffectedCustomer> Customers);

public sealed record OutageStepResponse(DateTime At, string? DeviceCode, int CustomersRestored, string Actor);

public sealed record OutageEntryResponse(DateTime At, OutageEntryKind Kind, string Actor, string? Detail);

/// <summary>An outage with its timeline, restoration steps and first affected customers.</summary>
public sealed record OutageDetail(
    OutageResponse Outage, IReadOnlyList<OutageEntryResponse> Timeline, IReadOnlyList<OutageStepResponse> Steps,
    IReadOnlyList<AffectedCustomer> Customers, IReadOnlyList<string> SwitchedOff);
