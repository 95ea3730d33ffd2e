namespace GridCare.Domain.WorkOrders;

/// <summary>Who wrote an entry of a work order's thread.</summary>
public enum EntryKind
{
    /// <summary>The customer's own words, from any channel.</summary>
    CustomerContact,

    AgentNote,

    /// <summary>What the field crew reports: findings on site, restoration.</summary>
    CrewReport,

    /// <summary>Written by GridCare itself, e.g. when an order is merged into this one.</summary>
    SystemEvent,

    /// <summary>A file attached to the order; <see cref="WorkOrderEntry.AttachmentId"/> points at it.</summary>
    Attachment,
}
