namespace GridCare.Domain.WorkOrders;

/// <summary>Who supplied an attachment: photos come from customers (the fault they see) and crews (what they found and fixed).</summary>
public enum AttachmentSource
{
    Customer,

    Crew,

    /// <summary>Agents, dispatchers and other staff, e.g. a photo a customer sent by email.</summary>
    Staff,
}
