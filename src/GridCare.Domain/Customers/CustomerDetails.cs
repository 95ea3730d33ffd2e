namespace GridCare.Domain.Customers;

/// <summary>The descriptive data of an account, as entered at the counter or read from an account register.</summary>
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
    bool IsSensitive);
