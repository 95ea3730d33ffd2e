using GridCare.Domain.Network;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;

namespace GridCare.Features.Sla;

public enum CalendarDaySource
{
    Shipped,
    Edited,
}

public sealed record CalendarDayResponse(DateOnly Date, CalendarDayKind Kind, string Name, CalendarDaySource Source);

/// <summary>The exceptional days of a year; <c>Covered</c> is false while the year's notice is not loaded.</summary>
public sealed record CalendarYearResponse(int Year, bool Covered, IReadOnlyList<CalendarDayResponse> Days);

public sealed record CalendarImportSummary(int Created, int Updated, int Unchanged);

public sealed record SlaConditionResponse(
    WorkOrderType? Type,
    ComplaintClass? ComplaintClass,
    ServiceApplicationKind? ServiceApplication,
    AreaType? AreaType,
    bool? ImportantCustomer,
    bool? SensitiveCustomer,
    Channel? Channel);

public sealed record SlaTargetResponse(SlaTargetKind Kind, SlaClockKind Clock, int Amount, SlaClockStart StartsAt);

public sealed record SlaPolicyResponse(
    string Name, string EnglishName, int Order, bool IsFallback, SlaConditionResponse? Condition, IReadOnlyList<SlaTargetResponse> Targets)
{
    public static SlaPolicyResponse Of(SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var c = policy.Condition;
        return new SlaPolicyResponse(
            policy.Name,
            policy.EnglishName,
            policy.Order,
            policy.IsFallback,
            c is null ? null : new SlaConditionResponse(c.Type, c.ComplaintClass, c.ServiceApplication, c.AreaType, c.ImportantCustomer, c.SensitiveCustomer, c.Channel),
            [.. policy.Targets.Select(t => new SlaTargetResponse(t.Kind, t.Clock, t.Amount, t.StartsAt))]);
    }
}
