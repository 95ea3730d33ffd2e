namespace GridCare.Domain.Customers;

/// <summary>
/// An account's arrears as the billing system reports them: the unpaid amount in yuan and since when it is owed,
/// when the supply was cut for it and when the customer paid after the cut (the start of the reconnection clock).
/// All instants are UTC.
/// </summary>
public sealed record ArrearsRecord(decimal AmountYuan, DateTime? Since, DateTime? DisconnectedAt, DateTime? PaidAt)
{
    public static readonly ArrearsRecord None = new(0m, null, null, null);
}
