namespace GridCare.Domain.WorkOrders;

/// <summary>
/// The facts of a file about to be attached, once its content has been checked: the type is the one its bytes show,
/// not the one the sender declared, and <see cref="Sha256"/> identifies the content.
/// </summary>
public sealed record AttachmentFile(
    string FileName,
    string ContentType,
    long SizeBytes,
    string Sha256,
    AttachmentSource Source,
    bool IsCustomerVisible);
