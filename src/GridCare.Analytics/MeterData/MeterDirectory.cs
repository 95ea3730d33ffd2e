namespace GridCare.Analytics.MeterData;

/// <summary>A meter as the analyses need it: where it hangs in the network and what the customer behind it is.</summary>
public sealed record MeterDirectoryEntry(
    string MeterNo,
    long? CustomerId,
    string? AccountNumber,
    string? Category,
    double? ContractedKva,
    bool HasGeneration,
    int Phases,
    string TransformerCode,
    string? FeederCode,
    string? SubstationCode,
    int OrgUnitId);

/// <summary>A distribution transformer (台区) as the analyses need it; <see cref="OrgUnitId"/> is its supply station.</summary>
public sealed record TransformerDirectoryEntry(
    string TransformerCode,
    string Name,
    double RatedKva,
    string? FeederCode,
    string? SubstationCode,
    int OrgUnitId,
    string AreaType);
