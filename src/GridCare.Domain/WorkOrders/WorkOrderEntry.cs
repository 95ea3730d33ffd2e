namespace GridCare.Domain.WorkOrders;

/// <summary>One message of a work order's thread; internal entries are never shown to the customer.</summary>
public sealed class WorkOrderEntry
{
    private WorkOrderEntry()
    {
        Actor = string.Empty;
        Text = string.Empty;
    }

    internal WorkOrderEntry(DateTime at, EntryKind kind, string actor, string text, bool isCustomerVisible, Channel? channel, Guid? attachmentId = null)
    {
        DomainRuleException.ThrowIfBlank(actor, nameof(actor));
        DomainRuleException.ThrowIfBlank(text, nameof(text));
        At = at;
        Kind = kind;
        Actor = actor;
        Text = text;
        IsCustomerVisible = isCustomerVisible;
        Channel = channel;
        AttachmentId = attachmentId;
    }

    public long Id { get; private set; }

    public DateTime At { get; private set; }

    public EntryKind Kind { get; private set; }

    public string Actor { get; private set; }

    public string Text { get; private set; }

    public bool IsCustomerVisible { get; private set; }

    public Channel? Channel { get; private set; }

    /// <summary>The attachment an <see cref="EntryKind.Attachment"/> entry announces.</summary>
    public Guid? AttachmentId { get; private set; }
}
