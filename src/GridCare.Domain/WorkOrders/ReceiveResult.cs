using System.Diagnostics.CodeAnalysis;

namespace GridCare.Domain.WorkOrders;

/// <summary>Either the new order or why the intake was refused.</summary>
public sealed record ReceiveResult(WorkOrder? Order, WorkOrderError? Error)
{
    [MemberNotNullWhen(true, nameof(Order))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsReceived => Order is not null;
}
