using GridCare.Domain.Sla;

namespace GridCare.Domain.Customers;

/// <summary>
/// Arrears and reconnection: what the billing system tells GridCare, so that outage detection does not send a crew to
/// an arrears cut and the hotline and IVR can tell a caller why they are off and when the supply comes back.
/// </summary>
public sealed partial class Customer
{
    /// <summary>Unpaid amount in yuan (元), 0 when nothing is owed.</summary>
    public decimal ArrearsYuan { get; private set; }

    /// <summary>When the oldest unpaid bill fell due; null without arrears.</summary>
    public DateTime? ArrearsSince { get; private set; }

    /// <summary>
    /// When the customer paid after an arrears cut; null unless disconnected. From here the reconnection time limit
    /// runs (DOMAIN.md §4: 24 h for SGCC, 12 h for CSG).
    /// </summary>
    public DateTime? ArrearsPaidAt { get; private set; }

    public ReconnectionStatus ReconnectionStatus => ArrearsDisconnectedAt is null
        ? ReconnectionStatus.Connected
        : ArrearsPaidAt is null ? ReconnectionStatus.DisconnectedForArrears : ReconnectionStatus.ReconnectionPending;

    public ArrearsRecord Arrears => new(ArrearsYuan, ArrearsSince, ArrearsDisconnectedAt, ArrearsPaidAt);

    /// <summary>The billing system's current unpaid amount; 0 clears the arrears.</summary>
    public void RecordArrears(decimal amountYuan, DateTime? sinceUtc)
    {
        if (amountYuan < 0)
        {
            throw new DomainRuleException("Arrears cannot be negative.");
        }

        if (sinceUtc is { } since)
        {
            ChinaTime.RequireUtc(since, nameof(sinceUtc));
        }

        ArrearsYuan = decimal.Round(amountYuan, 2);
        ArrearsSince = amountYuan == 0 ? null : sinceUtc;
    }

    /// <summary>The billing system cut the supply for arrears at <paramref name="atUtc"/>.</summary>
    public void DisconnectForArrears(DateTime atUtc)
    {
        ChinaTime.RequireUtc(atUtc, nameof(atUtc));
        ArrearsDisconnectedAt = atUtc;
        ArrearsPaidAt = null;
    }

    /// <summary>The customer paid everything owed; after a cut the supply is now due back (reconnection pending).</summary>
    public void PayArrears(DateTime paidAtUtc)
    {
        ChinaTime.RequireUtc(paidAtUtc, nameof(paidAtUtc));
        ArrearsYuan = 0;
        ArrearsSince = null;
        if (ArrearsDisconnectedAt is { } cut)
        {
            ArrearsPaidAt = paidAtUtc < cut ? cut : paidAtUtc;
        }
    }

    /// <summary>The supply was reconnected after the arrears were paid.</summary>
    public void Reconnect()
    {
        ArrearsDisconnectedAt = null;
        ArrearsPaidAt = null;
    }

    /// <summary>Replaces the arrears state with the billing system's, as the customer import does.</summary>
    public void ApplyArrears(ArrearsRecord arrears)
    {
        ArgumentNullException.ThrowIfNull(arrears);
        if (arrears.PaidAt is not null && arrears.DisconnectedAt is null)
        {
            throw new DomainRuleException("A payment after a cut needs the time of the cut.");
        }

        if (arrears.PaidAt < arrears.DisconnectedAt)
        {
            throw new DomainRuleException("The payment that starts the reconnection comes after the cut.");
        }

        RecordArrears(arrears.AmountYuan, arrears.Since);
        if (arrears.DisconnectedAt is { } cut)
        {
            ChinaTime.RequireUtc(cut, nameof(arrears));
            if (arrears.PaidAt is { } paid)
            {
                ChinaTime.RequireUtc(paid, nameof(arrears));
            }

            ArrearsDisconnectedAt = cut;
            ArrearsPaidAt = arrears.PaidAt;
        }
        else
        {
            Reconnect();
        }
    }
}
