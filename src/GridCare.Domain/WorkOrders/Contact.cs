namespace GridCare.Domain.WorkOrders;

/// <summary>
/// One message from one channel as it arrived: the channel's own id, who the customer said they were, and their
/// words. (Channel, ExternalId) is unique, so a retried SMS, app request or 12345 transfer is taken in once and
/// answered with the order it already made.
/// </summary>
public sealed class Contact
{
    private Contact()
    {
        ExternalId = string.Empty;
        Text = string.Empty;
    }

    public long Id { get; private set; }

    public Channel Channel { get; private set; }

    public string ExternalId { get; private set; }

    public DateTime ReceivedAt { get; private set; }

    public string? AccountNumber { get; private set; }

    public string? Phone { get; private set; }

    public string? MeterNumber { get; private set; }

    public string Text { get; private set; }

    public long? CustomerId { get; private set; }

    /// <summary>
    /// The order the contact went to; null only for a call about a known outage that has no repair order (a planned
    /// outage): the caller is told the outage instead of a new order being opened.
    /// </summary>
    public long? WorkOrderId { get; private set; }

    /// <summary>The order the contact went to; set when the contact is recorded, so a new order's id reaches it on save.</summary>
    public WorkOrder? Order { get; private set; }

    /// <summary>The known outage the caller was inside and told of, when the contact was linked to one.</summary>
    public long? OutageId { get; private set; }

    /// <summary>Whether this contact was added to an order that was already open (a repeat call).</summary>
    public bool IsRepeat { get; private set; }

    public static Contact Record(
        Channel channel, string externalId, DateTime receivedAtUtc, string? accountNumber, string? phone, string? meterNumber,
        string text, long? customerId, WorkOrder? order, bool isRepeat, long? outageId = null)
    {
        if (order is null && outageId is null)
        {
            throw new DomainRuleException("A contact goes to an order or to a known outage.");
        }

        DomainRuleException.ThrowIfBlank(externalId, nameof(externalId));
        DomainRuleException.ThrowIfBlank(text, nameof(text));
        Sla.ChinaTime.RequireUtc(receivedAtUtc, nameof(receivedAtUtc));
        return new Contact
        {
            Channel = channel,
            ExternalId = externalId,
            ReceivedAt = receivedAtUtc,
            AccountNumber = accountNumber,
            Phone = phone,
            MeterNumber = meterNumber,
            Text = text,
            CustomerId = customerId,
            WorkOrderId = order?.Id,
            Order = order,
            IsRepeat = isRepeat,
            OutageId = outageId,
        };
    }
}
