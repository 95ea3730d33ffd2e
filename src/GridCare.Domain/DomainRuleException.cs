namespace GridCare.Domain;

/// <summary>
/// Thrown when code asks an aggregate to break one of its invariants. Callers validate input first,
/// so reaching this is a bug in the caller, not an expected outcome.
/// </summary>
public sealed class DomainRuleException(string message) : Exception(message)
{
    public static void ThrowIfBlank(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainRuleException($"{name} is required.");
        }
    }
}
