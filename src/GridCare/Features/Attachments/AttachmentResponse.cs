using GridCare.Domain.WorkOrders;

namespace GridCare.Features.Attachments;

/// <summary>An attachment as staff see it; <see cref="Url"/> downloads it with the caller's own sign-in.</summary>
public sealed record AttachmentResponse(
    Guid Id,
    string FileName,
    string ContentType,
    long SizeBytes,
    string Sha256,
    bool VisibleToCustomer,
    AttachmentSource Source,
    string UploadedBy,
    Channel? Channel,
    DateTime UploadedAt,
    string Url);

public static class AttachmentResponses
{
    public static string UrlOf(string number, Guid id) => $"/api/v1/work-orders/{Uri.EscapeDataString(number)}/attachments/{id}";

    public static AttachmentResponse ToResponse(this WorkOrderAttachment attachment, string number)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return new AttachmentResponse(
            attachment.Id, attachment.FileName, attachment.ContentType, attachment.SizeBytes, attachment.Sha256, attachment.IsCustomerVisible,
            attachment.Source, attachment.UploadedBy, attachment.Channel, attachment.UploadedAt, UrlOf(number, attachment.Id));
    }
}
