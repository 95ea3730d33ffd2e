using System.Text.Json;
using GridCare.Analytics.Segmentation;
using GridCare.Domain.Customers;
using GridCare.Domain.Network;
using GridCare.Features.Segmentation;
using GridCare.Platform;

namespace GridCare.Features.Campaigns;

public enum AudienceSource
{
    /// <summary>Customers by category, capacity band, area, service sensitivity and saved load-shape segment (all that are given must hold).</summary>
    Segment,

    /// <summary>The proactive contact list: customers in upcoming planned outages or on hot transformers.</summary>
    ProactiveContacts,

    /// <summary>Tariff-advice candidates: customers who would save by changing tariff.</summary>
    TariffAdvice,

    /// <summary>A list of customer ids (e.g. exported and filtered elsewhere).</summary>
    Customers,

    /// <summary>Customers whose work orders were closed on the given China days.</summary>
    ClosedOrders,
}

/// <summary>The audience as a request names it; every field is optional except what the source needs.</summary>
public sealed record AudienceRequest(
    string? Source,
    string? Category = null,
    string? Capacity = null,
    string? Area = null,
    string? Sensitivity = null,
    string? LoadShape = null,
    int? AheadDays = null,
    int? BackDays = null,
    string? From = null,
    string? To = null,
    IReadOnlyList<long>? CustomerIds = null);

/// <summary>A validated audience rule, stored with the campaign as JSON and resolved when the campaign is sent.</summary>
public sealed record AudienceSpec(
    AudienceSource Source,
    CustomerCategory? Category,
    CapacityBand? Capacity,
    AreaType? Area,
    Sensitivity? Sensitivity,
    LoadShape? LoadShape,
    int AheadDays,
    int BackDays,
    DateOnly? From,
    DateOnly? To,
    IReadOnlyList<long> CustomerIds)
{
    /// <summary>The largest audience one campaign sends to: its messages are written in one transaction.</summary>
    public const int MaxRecipients = 50_000;

    // Enum names, not numbers, in the stored rule: it stays readable and survives reordered enums.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static AudienceSpec? Parse(AudienceRequest? request, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (request is null)
        {
            errors["audience"] = ["The audience is required: source segment, proactiveContacts, tariffAdvice, customers or closedOrders."];
            return null;
        }

        var source = ApiEnums.Parse<AudienceSource>(request.Source, "audience.source", errors) ?? AudienceSource.Segment;
        var from = ApiDates.Parse(request.From, "audience.from", errors);
        var to = ApiDates.Parse(request.To, "audience.to", errors);
        var ids = request.CustomerIds?.Distinct().ToList() ?? [];
        var spec = new AudienceSpec(
            source,
            ApiEnums.Parse<CustomerCategory>(request.Category, "audience.category", errors),
            ApiEnums.Parse<CapacityBand>(request.Capacity, "audience.capacity", errors),
            ApiEnums.Parse<AreaType>(request.Area, "audience.area", errors),
            ApiEnums.Parse<Sensitivity>(request.Sensitivity, "audience.sensitivity", errors),
            ApiEnums.Parse<LoadShape>(request.LoadShape, "audience.loadShape", errors),
            request.AheadDays ?? 7,
            request.BackDays ?? 7,
            from,
            to,
            ids);
        Require(spec.AheadDays is < 1 or > 60, "audience.aheadDays", "aheadDays is from 1 to 60.", errors);
        Require(spec.BackDays is < 0 or > 31, "audience.backDays", "backDays is from 0 to 31.", errors);
        Require(source == AudienceSource.Customers && ids.Count == 0, "audience.customerIds", "Name at least one customer id.", errors);
        Require(ids.Count > MaxRecipients, "audience.customerIds", $"At most {MaxRecipients} customers.", errors);
        Require(source == AudienceSource.ClosedOrders && (from is null || to is null) && !errors.ContainsKey("audience.from") && !errors.ContainsKey("audience.to"),
            "audience.from", "Closed orders need from and to (yyyy-MM-dd).", errors);
        Require(from is { } f && to is { } t && (t < f || t.DayNumber - f.DayNumber > 366), "audience.to", "'to' is on or after 'from', at most a year later.", errors);
        return errors.Count > 0 ? null : spec;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AudienceSpec FromJson(string json) => JsonSerializer.Deserialize<AudienceSpec>(json, Json)!;

    private static void Require(bool failed, string field, string message, Dictionary<string, string[]> errors)
    {
        if (failed)
        {
            errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];
        }
    }
}
