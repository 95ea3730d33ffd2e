namespace GridCare.Domain.Outages;

/// <summary>Who an outage cuts off, as traced on the network: each customer with the transformer feeding them.</summary>
public sealed record OutageImpact(IReadOnlyList<(long CustomerId, long? TransformerId)> Customers, int TransformerCount, int ImportantCustomerCount);

/// <summary>Where the outage is and what it is, for a new outage of any kind.</summary>
public sealed record OutagePlace(long DeviceId, IReadOnlyList<long> SwitchedOffDeviceIds, int OrgUnitId, long? FeederId, string Area);
