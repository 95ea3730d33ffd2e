namespace GridCare.Domain.Organization;

/// <summary>The levels of a Chinese grid company, top down: 省公司 → 地市局 → 县局 → 供电所.</summary>
public enum OrgUnitLevel
{
    Province,
    City,
    County,
    SupplyStation,
}
