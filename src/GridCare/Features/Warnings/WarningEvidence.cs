using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GridCare.Domain.Warnings;
using GridCare.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace GridCare.Features.Warnings;

/// <summary>A measured value behind a warning, labelled and formatted for people.</summary>
public sealed record EvidenceLine(string Name, string Label, string Value);

/// <summary>
/// The evidence of a warning as stored (JSON of the rule's measured values) and as read by people: rates as
/// percentages, instants in China time, labels in the reader's language.
/// </summary>
public static class WarningEvidence
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(IReadOnlyDictionary<string, object?> evidence) => JsonSerializer.Serialize(evidence, Json);

    public static JsonObject Parse(string evidence) => JsonNode.Parse(evidence) as JsonObject ?? [];

    public static List<EvidenceLine> Describe(string evidence, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var lines = new List<EvidenceLine>();
        foreach (var (name, node) in Parse(evidence))
        {
            if (node is null)
            {
                continue;
            }

            var label = localizer[$"Evidence_{name}"];
            lines.Add(new EvidenceLine(name, label.ResourceNotFound ? name : label.Value, Format(name, node, localizer)));
        }

        return lines;
    }

    /// <summary>One sentence for a work order's text: what was found, the values, and what to do.</summary>
    public static string Summary(Warning warning, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(warning);
        ArgumentNullException.ThrowIfNull(localizer);
        var values = string.Join(localizer["Evidence_Separator"], Describe(warning.Evidence, localizer).Select(l => $"{l.Label} {l.Value}"));
        return localizer[
            "Order_Text",
            localizer[$"Rule_{warning.Rule}"],
            warning.SubjectCode,
            warning.LastSeenOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            values,
            localizer[$"Action_{warning.Action}"]].Value;
    }

    private static string Format(string name, JsonNode node, IStringLocalizer localizer)
    {
        if (node is JsonArray array)
        {
            return string.Join(", ", array.Select(a => a?.GetValue<string>() is { } kind ? Localized(localizer, $"Anomaly_{kind}", kind) : string.Empty));
        }

        if (node.GetValueKind() == JsonValueKind.String)
        {
            var text = node.GetValue<string>();
            return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant) && text.Contains('T', StringComparison.Ordinal)
                ? ChinaTimeText.Format(instant)
                : Localized(localizer, $"Value_{text}", text);
        }

        if (node.GetValueKind() != JsonValueKind.Number)
        {
            return node.ToJsonString();
        }

        var number = node.GetValue<double>();
        return IsRate(name)
            ? number.ToString("P1", CultureInfo.CurrentCulture)
            : number.ToString(number == Math.Floor(number) ? "N0" : "N1", CultureInfo.CurrentCulture);
    }

    private static bool IsRate(string name) =>
        name.EndsWith("Rate", StringComparison.Ordinal) || name.EndsWith("Compliance", StringComparison.Ordinal)
        || name is "complianceTarget" or "maxImbalance" or "meterCoverage" or "suddenDrop";

    private static string Localized(IStringLocalizer localizer, string key, string fallback)
    {
        var text = localizer[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
