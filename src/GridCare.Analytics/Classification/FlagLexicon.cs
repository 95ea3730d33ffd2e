namespace GridCare.Analytics.Classification;

/// <summary>A flag raised on a text, with the trigger terms found in it.</summary>
public sealed record ClassificationFlag(string Name, IReadOnlyList<string> Terms);

/// <summary>
/// The flags are a documented lexicon (Resources/flags.txt), not the trained model: an urgent safety hazard must be
/// raised whenever its words appear, even in a text the model has never seen anything like, and an agent can read
/// exactly why. The terms are matched on the normalised text, so traditional characters and full-width letters match too.
/// Negation is not understood ("没有冒烟" still flags): a false alarm costs an agent a glance, a missed one a life.
/// </summary>
public static class FlagLexicon
{
    public const string UrgentSafetyHazard = "urgentSafetyHazard";
    public const string EscalationRisk = "escalationRisk";
    public const string ImportantCustomerImpact = "importantCustomerImpact";

    private static readonly (string Flag, string Term)[] Terms = [.. ClassifierResources.Lines("flags.txt")
        .Select(line => line.Split('\t'))
        .Where(parts => parts.Length == 2)
        .Select(parts => (parts[0], TextNormalizer.Normalize(parts[1])))];

    public static IReadOnlyList<ClassificationFlag> Match(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return [.. Terms
            .Where(t => normalized.Contains(t.Term, StringComparison.Ordinal))
            .GroupBy(t => t.Flag)
            .Select(g => new ClassificationFlag(g.Key, [.. g.Select(t => t.Term).Distinct()]))];
    }
}
