namespace GridCare.Domain.WorkOrders;

/// <summary>The five complaint classes that complaint statistics are reported by.</summary>
public enum ComplaintClass
{
    /// <summary>供电质量: voltage too low or high, flicker, frequent interruptions.</summary>
    SupplyQuality,

    /// <summary>服务: attitude, conduct, broken promises, slow response.</summary>
    Service,

    /// <summary>营业: tariffs and bills, meter reading, new connection, payment.</summary>
    Business,

    /// <summary>停送电: no notice, outage too long, restoration late.</summary>
    Outage,

    /// <summary>电网建设: construction disturbance, land and compensation, line routing.</summary>
    GridConstruction,
}
