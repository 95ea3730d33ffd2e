using GridCare.Domain.Network;

namespace GridCare.Domain.Customers;

/// <summary>
/// A customer account (户号) supplied at one service point. The org unit and area type are copied from the
/// service point when the account is attached, so visibility and time-limit rules need no walk up the network.
/// </summary>
public sealed partial class Customer
{
    private Customer()
    {
        AccountNumber = string.Empty;
        Name = string.Empty;
        Address = string.Empty;
        Tariff = string.Empty;
    }

    public long Id { get; private set; }

    public string AccountNumber { get; private set; }

    public string Name { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>Resident ID or unified social credit code; masked for roles that do not verify identity.</summary>
    public string? IdNumber { get; private set; }

    public string Address { get; private set; }

    public CustomerCategory Category { get; private set; }

    public decimal ContractedCapacityKva { get; private set; }

    /// <summary>The tariff code on the account, e.g. <c>RES-TIERED</c>.</summary>
    public string Tariff { get; private set; }

    /// <summary>重要客户: hospitals, water works, gas stations… — temporary outages must be noticed to them.</summary>
    public bool IsImportant { get; private set; }

    /// <summary>敏感客户: customers known to escalate; complaints from them are handled with extra care.</summary>
    public bool IsSensitive { get; private set; }

    /// <summary>Distributed generation (分布式光伏) on record: reverse flow at this meter is export, not a fault or theft.</summary>
    public bool HasGeneration { get; private set; }

    public long ServicePointId { get; private set; }

    public NetworkDevice? ServicePoint { get; private set; }

    public int OrgUnitId { get; private set; }

    public AreaType AreaType { get; private set; }

    /// <summary>
    /// When the supply was cut for unpaid bills (欠费停电), null while supplied. Outage detection reads it before
    /// dispatching a crew to a single customer without power: that is no grid fault.
    /// </summary>
    public DateTime? ArrearsDisconnectedAt { get; private set; }

    public static Customer Open(CustomerDetails details, NetworkDevice servicePoint)
    {
        var customer = new Customer();
        customer.Apply(details);
        customer.AttachTo(servicePoint);
        return customer;
    }

    /// <summary>Replaces the account's descriptive data, as the account register or an import does.</summary>
    public void Apply(CustomerDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        DomainRuleException.ThrowIfBlank(details.AccountNumber, "accountNumber");
        DomainRuleException.ThrowIfBlank(details.Name, "name");
        DomainRuleException.ThrowIfBlank(details.Address, "address");
        DomainRuleException.ThrowIfBlank(details.Tariff, "tariff");
        if (details.ContractedCapacityKva < 0)
        {
            throw new DomainRuleException("Contracted capacity cannot be negative.");
        }

        if (AccountNumber.Length > 0 && AccountNumber != details.AccountNumber)
        {
            throw new DomainRuleException("The account number of an account never changes.");
        }

        AccountNumber = details.AccountNumber;
        Name = details.Name;
        Phone = string.IsNullOrWhiteSpace(details.Phone) ? null : details.Phone;
        IdNumber = string.IsNullOrWhiteSpace(details.IdNumber) ? null : details.IdNumber;
        Address = details.Address;
        Category = details.Category;
        ContractedCapacityKva = details.ContractedCapacityKva;
        Tariff = details.Tariff;
        IsImportant = details.IsImportant;
        IsSensitive = details.IsSensitive;
        HasGeneration = details.HasGeneration;
    }

    public void AttachTo(NetworkDevice servicePoint)
    {
        ArgumentNullException.ThrowIfNull(servicePoint);
        if (servicePoint.Kind != DeviceKind.ServicePoint)
        {
            throw new DomainRuleException($"An account is supplied at a service point, not at a {servicePoint.Kind}.");
        }

        ServicePoint = servicePoint;
        ServicePointId = servicePoint.Id;
        OrgUnitId = servicePoint.OrgUnitId;
        AreaType = servicePoint.AreaType;
    }

    /// <summary>Whether the account already holds exactly these details and this service point.</summary>
    public bool Matches(CustomerDetails details, long servicePointId) =>
        details is not null
        && AccountNumber == details.AccountNumber
        && Name == details.Name
        && Phone == (string.IsNullOrWhiteSpace(details.Phone) ? null : details.Phone)
        && IdNumber == (string.IsNullOrWhiteSpace(details.IdNumber) ? null : details.IdNumber)
        && Address == details.Address
        && Category == details.Category
        && ContractedCapacityKva == details.ContractedCapacityKva
        && Tariff == details.Tariff
        && IsImportant == details.IsImportant
        && IsSensitive == details.IsSensitive
        && HasGeneration == details.HasGeneration
        && ServicePointId == servicePointId;

}
