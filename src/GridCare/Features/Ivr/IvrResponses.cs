using GridCare.Domain.Customers;
using GridCare.Domain.Outages;
using GridCare.Domain.WorkOrders;

namespace GridCare.Features.Ivr;

/// <summary>How far the lookup got in knowing who calls.</summary>
public enum IvrCallerMatch
{
    /// <summary>One account: by the keyed account number, or the only account with the caller's phone.</summary>
    Identified,

    /// <summary>The phone is on record for several accounts and none was keyed: the speech asks for the account number.</summary>
    Ambiguous,

    /// <summary>No account has the caller's phone: the speech asks for the account number.</summary>
    Unknown,

    /// <summary>The keyed account number does not exist (for this IVR's units): the speech asks to key it again.</summary>
    AccountNotFound,
}

/// <summary>What the IVR should do after playing <see cref="IvrLookupResponse.Speech"/>.</summary>
public enum IvrNextStep
{
    /// <summary>Nothing more is needed; offer the menu or end the call.</summary>
    None,

    /// <summary>Collect the account number (DTMF) and look up again with it.</summary>
    AskAccountNumber,

    /// <summary>Put the caller through to an agent (a promise is broken, e.g. reconnection overdue).</summary>
    TransferToAgent,
}

/// <summary>
/// The answer to <c>POST /api/v1/ivr/lookup</c>: structured facts for the IVR's own logic and the ready-to-speak
/// <see cref="Speech"/> in <see cref="Language"/> (times in China Standard Time).
/// </summary>
public sealed record IvrLookupResponse(
    IvrCallerMatch Match,
    IvrNextStep NextStep,
    string Language,
    string Speech,
    string? AccountNumber,
    int? OrgUnitId,
    int CandidateCount,
    IvrOutage? Outage,
    IReadOnlyList<IvrOrder> OpenOrders,
    IvrArrears? Arrears);

/// <summary>The known outage affecting the caller; <see cref="Etr"/> is the estimated time of restoration (UTC).</summary>
public sealed record IvrOutage(string Number, OutageKind Kind, OutageStatus Status, string Area, string Reason, DateTime? Start, DateTime? Etr);

public sealed record IvrOrder(string Number, WorkOrderType Type, WorkOrderStatus Status, DateTime ReceivedAt, DateTime? ResolutionDueAt);

/// <summary>
/// Arrears and reconnection: the unpaid amount in yuan, since when, and where the supply stands; while reconnection
/// is pending, <see cref="ReconnectionDueAt"/> is the payment plus the reconnection time limit.
/// </summary>
public sealed record IvrArrears(
    decimal AmountYuan, DateTime? Since, ReconnectionStatus ReconnectionStatus, DateTime? DisconnectedAt, DateTime? PaidAt, DateTime? ReconnectionDueAt, bool ReconnectionOverdue);
