using GridCare.Domain.Customers;
using GridCare.Domain.Network;

namespace GridCare.Domain.WorkOrders;

/// <summary>What a work order needs to know of its customer: who, which unit serves them, and what selects its SLA.</summary>
public sealed record CustomerFacts(long CustomerId, int OrgUnitId, AreaType AreaType, bool IsImportant = false, bool IsSensitive = false)
{
    public static CustomerFacts Of(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return new CustomerFacts(customer.Id, customer.OrgUnitId, customer.AreaType, customer.IsImportant, customer.IsSensitive);
    }
}
