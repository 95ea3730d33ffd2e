using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using GridCare.Domain.Network;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;

namespace GridCare.Features.Sla;

public enum CalendarDaySource
{
    Shipped,
    Edited,
}

/// <summary>A provisional day is a shipped statutory day its year's notice has not confirmed yet.</summary>
public sealed record CalendarDayResponse(DateOnly Date, CalendarDayKind Kind, string Name, CalendarDaySource Source, bool Provisional = false);

/// <summary>
/// The exceptional days of a year; <c>Covered</c> is false while the year's notice is not loaded, and
/// <c>Provisional</c> is true while some of its days are shipped statutory days the notice has not confirmed.
/// </summary>
public sealed record CalendarYearResponse(int Year, bool Covered, bool Provisional, IReadOnlyList<CalendarDayResponse> Days);

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

/// <summary>
/// A stored policy. <c>Specificity</c> is the number of criteria its condition sets: of the enabled policies that
/// match an order, the most specific wins, then the lowest <c>Order</c>, then the name.
/// </summary>
public sealed record SlaPolicyResponse(
    int Id,
    string Name,
    string EnglishName,
    int Order,
    bool Enabled,
    bool IsFallback,
    int Specificity,
    SlaConditionResponse? Condition,
    IReadOnlyList<SlaTargetResponse> Targets,
    int Version,
    DateTime UpdatedAt,
    string UpdatedBy)
{
    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static SlaPolicyResponse Of(StoredSlaPolicy stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var c = stored.Condition;
        return new SlaPolicyResponse(
            stored.Id,
            stored.Name,
            stored.EnglishName,
            stored.Order,
            stored.IsEnabled,
            c.IsEmpty,
            c.Specificity,
            c.IsEmpty ? null : new SlaConditionResponse(c.Type, c.ComplaintClass, c.ServiceApplication, c.AreaType, c.ImportantCustomer, c.SensitiveCustomer, c.Channel),
            [.. stored.Targets.OrderBy(t => t.Kind).Select(t => new SlaTargetResponse(t.Kind, t.Clock, t.Amount, t.StartsAt))],
            stored.Version,
            stored.UpdatedAt,
            stored.UpdatedBy);
    }

    /// <summary>The policy as the audit keeps it: readable JSON, Chinese names unescaped.</summary>
    public string ToAuditJson() => JsonSerializer.Serialize(this, AuditJson);
}

public sealed record SlaChangeResponse(
    long Id, DateTime At, string Actor, int Revision, SlaChangeSubject Subject, string SubjectKey, SlaChangeAction Action, string? Before, string? After);
