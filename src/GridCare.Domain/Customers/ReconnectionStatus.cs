namespace GridCare.Domain.Customers;

/// <summary>Where an account stands between an arrears disconnection (欠费停电) and reconnection (复电).</summary>
public enum ReconnectionStatus
{
    /// <summary>Supplied; there may still be arrears that have not (yet) led to a disconnection.</summary>
    Connected,

    /// <summary>Cut for unpaid bills and not paid since.</summary>
    DisconnectedForArrears,

    /// <summary>Paid after the cut: the supply must be back within the reconnection time limit (欠费复电, 24 h SGCC).</summary>
    ReconnectionPending,
}
