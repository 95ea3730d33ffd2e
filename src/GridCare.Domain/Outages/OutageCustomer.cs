namespace GridCare.Domain.Outages;

/// <summary>
/// A customer an outage cuts off, with the transformer that feeds them, so callers, the portal and notices find
/// the outage by account and partial restorations restore exactly the customers below the device put back.
/// </summary>
public sealed class OutageCustomer
{
    private OutageCustomer()
    {
    }

    internal OutageCustomer(long customerId, long? transformerId)
    {
        CustomerId = customerId;
        TransformerId = transformerId;
    }

    public long Id { get; private set; }

    public long OutageId { get; private set; }

    public long CustomerId { get; private set; }

    public long? TransformerId { get; private set; }

    /// <summary>When this customer's supply came back; null while still off (or before a planned cut).</summary>
    public DateTime? RestoredAt { get; private set; }

    internal void Restore(DateTime atUtc) => RestoredAt ??= atUtc;
}
