namespace GridCare.Domain.Outages;

/// <summary>What revealed an outage or a signal about one.</summary>
public enum OutageSource
{
    /// <summary>A dispatcher planned or declared it.</summary>
    Dispatcher,

    /// <summary>Meter power-off / power-on events (last gasp, 停电/上电事件).</summary>
    MeterEvent,

    /// <summary>A transformer terminal (配变终端/TTU) lost or regained voltage.</summary>
    TransformerTerminal,

    /// <summary>A feeder breaker or switch trip from SCADA / distribution automation.</summary>
    Scada,

    /// <summary>A customer's repair call.</summary>
    Call,

    /// <summary>
    /// Interval readings in the meter store: a transformer terminal at zero voltage, or most of a transformer's meters
    /// missing or at zero voltage (outage evidence from the readings, without any event).
    /// </summary>
    MeterReadings,
}
