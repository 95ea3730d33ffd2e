namespace GridCare.Domain.Customers;

/// <summary>
/// The descriptive data of an account, as entered at the counter or read from an account register.
/// <see cref="HasGeneration"/>: distributed generation (分布式光伏) on record, so reverse flow at its meter is expected.
/// </summary>
public sealed record CustomerDetails(
    string AccountNumber,
    string Name,
    string? Phone,
    string? IdNumber,
    string Address,
    CustomerCategory Category,
    decimal ContractedCapacityKva,
    string Tariff,
    bool IsImportant,
    bool IsSensitive,
    bool HasGeneration = false);
