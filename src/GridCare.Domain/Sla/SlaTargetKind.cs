namespace GridCare.Domain.Sla;

/// <summary>What a time limit is for.</summary>
public enum SlaTargetKind
{
    /// <summary>First contact with the customer (complaints: 首次联系客户).</summary>
    FirstContact,

    /// <summary>The repair crew arrives on site.</summary>
    Arrival,

    /// <summary>The problem is fixed: supply restored, reconnection done.</summary>
    Resolution,

    /// <summary>The customer is told the result (答复/回复).</summary>
    Reply,
}
