namespace GridCare.Domain.WorkOrders;

/// <summary>Where a contact came in. Transfers from the government hotlines 12345 and 12398 are tracked apart.</summary>
public enum Channel
{
    /// <summary>95598 hotline.</summary>
    Hotline,

    App,

    Wechat,

    Web,

    Sms,

    /// <summary>营业厅 counter.</summary>
    Counter,

    Email,

    /// <summary>Transferred from the 12345 government service hotline.</summary>
    Transfer12345,

    /// <summary>Transferred from the 12398 energy regulation hotline.</summary>
    Transfer12398,

    /// <summary>Opened by GridCare itself from network data (a detected outage, an early warning): 主动工单.</summary>
    Proactive,
}
