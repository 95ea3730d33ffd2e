namespace GridCare.Domain.WorkOrders;

/// <summary>
/// A file on a work order — a customer's photo of the fault, a crew's photo from site, a scanned letter. The row holds
/// what is known about the file; the content itself is kept by the attachment store under the order and
/// <see cref="Sha256"/>, and is in place before the row is saved.
/// </summary>
public sealed class WorkOrderAttachment
{
    private WorkOrderAttachment()
    {
        UploadedBy = string.Empty;
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
    }

    internal WorkOrderAttachment(Guid id, AttachmentFile file, ChangeContext context)
    {
        Id = id;
        UploadedAt = context.AtUtc;
        UploadedBy = context.Actor;
        Channel = context.Channel;
        Source = file.Source;
        FileName = file.FileName;
        ContentType = file.ContentType;
        SizeBytes = file.SizeBytes;
        Sha256 = file.Sha256;
        IsCustomerVisible = file.IsCustomerVisible;
    }

    /// <summary>Made by GridCare, not by the database, so the thread entry can point at it before anything is saved.</summary>
    public Guid Id { get; private set; }

    public DateTime UploadedAt { get; private set; }

    /// <summary>The actor who uploaded it: a staff user name, or <c>customer</c> for the portal.</summary>
    public string UploadedBy { get; private set; }

    /// <summary>The channel it came in on; null for staff in the console or the API.</summary>
    public Channel? Channel { get; private set; }

    public AttachmentSource Source { get; private set; }

    /// <summary>The name the sender gave the file, without any path.</summary>
    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public string Sha256 { get; private set; }

    public bool IsCustomerVisible { get; private set; }
}
