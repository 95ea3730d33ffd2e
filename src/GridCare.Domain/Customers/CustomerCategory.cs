namespace GridCare.Domain.Customers;

/// <summary>The tariff categories of Chinese retail supply: 居民 / 一般工商业 / 大工业 / 农业.</summary>
public enum CustomerCategory
{
    Residential,
    Commercial,
    Industrial,
    Agricultural,
}
