using GridCare.Domain.Warnings;

namespace GridCare.Analytics.MeterData.Warnings;

/// <summary>
/// What a rule found on a day, with the measured values behind it (<paramref name="Evidence"/>: names in camelCase,
/// rates as fractions, minutes as integers) so the person who acts sees why.
/// </summary>
public sealed record WarningFinding(
    WarningRule Rule,
    WarningSeverity Severity,
    WarningAction Action,
    string SubjectCode,
    string TransformerCode,
    long? CustomerId,
    int OrgUnitId,
    string AreaType,
    DateOnly Day,
    IReadOnlyDictionary<string, object?> Evidence);
