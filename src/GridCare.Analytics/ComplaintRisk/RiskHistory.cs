namespace GridCare.Analytics.ComplaintRisk;

/// <summary>Whose risk is scored: each customer, or each distribution transformer (any complaint of its customers).</summary>
public enum RiskLevel
{
    Customer,
    Transformer,
}

/// <summary>A customer and the transformer that supplies them.</summary>
public sealed record RiskCustomer(long CustomerId, int OrgUnitId, long TransformerId, string TransformerCode, int TransformerOrgUnitId, bool IsSensitive);

/// <summary>A sustained interruption one customer had (the reliability records).</summary>
public readonly record struct RiskInterruption(long CustomerId, DateTime StartUtc, double Minutes);

/// <summary>A complaint a customer made, at its receipt.</summary>
public readonly record struct RiskComplaint(long CustomerId, DateTime ReceivedUtc);

/// <summary>An unsatisfied revisit answer of a customer, at the answer.</summary>
public readonly record struct RiskUnsatisfiedRevisit(long CustomerId, DateTime AtUtc);

/// <summary>A transformer's loading and voltage over the meter store's recent days.</summary>
public sealed record RiskTransformerLoad(double? PeakLoadRate, double HeavyMinutes, double? VoltageCompliance, int LoadEpisodes);

/// <summary>
/// What the meter store says about the days before <see cref="AsOfUtc"/>: voltage compliance per customer and load
/// per transformer. Only scores at that instant use it; earlier instants (training, backtest) have no meter facts, so
/// those features are absent there, never zero.
/// </summary>
public sealed record RiskMeterFacts(DateTime AsOfUtc, IReadOnlyDictionary<long, double> VoltageComplianceByCustomer, IReadOnlyDictionary<string, RiskTransformerLoad> LoadByTransformer);

/// <summary>Everything the model learns from and scores with.</summary>
public sealed record RiskHistory(
    IReadOnlyList<RiskCustomer> Customers,
    IReadOnlyList<RiskInterruption> Interruptions,
    IReadOnlyList<RiskComplaint> Complaints,
    IReadOnlyList<RiskUnsatisfiedRevisit> UnsatisfiedRevisits,
    RiskMeterFacts? Meter = null);
