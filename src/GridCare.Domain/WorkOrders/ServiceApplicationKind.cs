namespace GridCare.Domain.WorkOrders;

/// <summary>What a 服务申请 work order asks for; the kinds carry different time limits.</summary>
public enum ServiceApplicationKind
{
    /// <summary>电能表校验</summary>
    MeterTest,

    /// <summary>电量电费数据异常核查</summary>
    DataAnomaly,

    /// <summary>欠费复电: reconnection once the arrears are paid.</summary>
    Reconnection,

    /// <summary>业扩报装</summary>
    NewConnection,

    /// <summary>增容</summary>
    CapacityChange,
}
