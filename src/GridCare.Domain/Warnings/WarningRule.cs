namespace GridCare.Domain.Warnings;

/// <summary>What an early warning found in the measured network data (issue #5, proactive service 主动服务).</summary>
public enum WarningRule
{
    /// <summary>A transformer above its rated kVA (过载) for long enough on a day.</summary>
    Overload,

    /// <summary>A transformer above the heavy-load rate (重载) on several days of the recent window.</summary>
    HeavyLoad,

    /// <summary>A low-voltage pocket, or voltage compliance under the target, below the transformer.</summary>
    LowVoltage,

    /// <summary>A high-voltage pocket below the transformer.</summary>
    HighVoltage,

    /// <summary>Three-phase imbalance above the alarm rate for long enough on a day.</summary>
    Imbalance,

    /// <summary>An abnormal line-loss rate (台区线损) of the transformer area.</summary>
    LineLoss,

    /// <summary>A meter whose consumption looks like a fault or theft (sudden drop, long zero, reverse flow without PV).</summary>
    MeterAnomaly,
}

/// <summary>How soon someone should act.</summary>
public enum WarningSeverity
{
    Warning,
    Critical,
}

/// <summary>The field work a warning suggests; it names the proactive work order.</summary>
public enum WarningAction
{
    /// <summary>负荷转移 / 增容: move load to a neighbouring transformer or raise capacity.</summary>
    LoadTransfer,

    /// <summary>调档: change the transformer's tap.</summary>
    TapChange,

    /// <summary>三相负荷调整: move single-phase customers between phases.</summary>
    PhaseRebalance,

    /// <summary>台区巡视: inspect the area for losses (metering, theft, wiring).</summary>
    Inspection,

    /// <summary>计量装置检查: check the customer's meter.</summary>
    MeterInspection,
}

/// <summary>Open until someone acts on it or it stops being seen.</summary>
public enum WarningStatus
{
    Open,

    /// <summary>A proactive work order was opened for it.</summary>
    OrderOpened,

    /// <summary>A person saw it and decided no order is needed now.</summary>
    Acknowledged,

    /// <summary>Not seen for the configured number of days: the condition has gone.</summary>
    Cleared,
}
