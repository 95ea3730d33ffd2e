namespace GridCare.Domain.WorkOrders;

public enum WorkOrderPriority
{
    Normal,

    High,

    Urgent,
}
