using System.Globalization;

namespace GridCare.Domain.WorkOrders;

public sealed partial class WorkOrder
{
    private readonly List<WorkOrderAttachment> attachments = [];

    public IReadOnlyList<WorkOrderAttachment> Attachments => attachments;

    /// <summary>
    /// Attaches a checked file: the thread gets an entry pointing at it (visible to the customer when the file is) and
    /// the history records who attached what. The same content sent again — a retried upload, a double tap — answers
    /// the attachment already on the order and changes nothing. Files may be attached whenever notes may; a customer
    /// sending what was asked for ends a wait on the customer, as a repeat contact does.
    /// </summary>
    public AttachResult Attach(AttachmentFile file, int maxAttachments, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(file);
        Require(context);
        DomainRuleException.ThrowIfBlank(file.FileName, nameof(file.FileName));
        DomainRuleException.ThrowIfBlank(file.ContentType, nameof(file.ContentType));
        if (file.Sha256.Length != 64 || !file.Sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new DomainRuleException($"'{file.Sha256}' is not a lower-case hex SHA-256.");
        }

        if (attachments.Find(a => a.Sha256 == file.Sha256) is { } existing)
        {
            return new AttachResult(existing, IsNew: false, null);
        }

        if (!Allows(WorkOrderAction.AddNote))
        {
            return new AttachResult(null, IsNew: false, WorkOrderError.Illegal(WorkOrderAction.Attach, this));
        }

        if (attachments.Count >= maxAttachments)
        {
            return new AttachResult(null, IsNew: false, new WorkOrderError(
                WorkOrderErrorCode.AttachmentLimitReached,
                $"Work order {Number} already has {attachments.Count} attachments, the most one order takes.",
                AllowedActions()));
        }

        var attachment = new WorkOrderAttachment(Guid.CreateVersion7(new DateTimeOffset(context.AtUtc, TimeSpan.Zero)), file, context);
        attachments.Add(attachment);
        var size = (file.SizeBytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture);
        var text = $"{file.FileName} ({file.ContentType}, {size} KB)";
        entries.Add(new WorkOrderEntry(context.AtUtc, EntryKind.Attachment, context.Actor, text, file.IsCustomerVisible, context.Channel, attachment.Id));
        if (file.Source == AttachmentSource.Customer)
        {
            EndPause(context.AtUtc);
        }

        var visibility = file.IsCustomerVisible ? "customer-visible" : "internal";
        Record(WorkOrderAction.Attach, Status, context, $"{file.Source} attachment {attachment.Id}: {text}, {visibility}, sha256 {file.Sha256[..12]}");
        return new AttachResult(attachment, IsNew: true, null);
    }
}
