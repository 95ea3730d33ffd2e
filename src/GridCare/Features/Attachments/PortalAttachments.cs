using GridCare.Domain.WorkOrders;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Attachments;

/// <summary>A customer-visible attachment as the portal shows it: no staff names, and a link that expires.</summary>
public sealed record PortalAttachment(string FileName, string ContentType, long SizeBytes, AttachmentSource Source, DateTime UploadedAt, string Url)
{
    public bool IsImage => AttachmentTypes.IsBrowserImage(ContentType);
}

/// <summary>
/// What the portal shows of an order's attachments: only those marked visible to the customer, and only through
/// <see cref="AttachmentLinks"/>. Internal attachments are never listed and never served, whatever link is presented.
/// </summary>
public sealed class PortalAttachments(IDbContextFactory<AppDbContext> dbFactory, IAttachmentStore store, AttachmentLinks links)
{
    /// <summary>
    /// The customer-visible attachments of an order whose owner the caller has already verified (the track page's
    /// number + phone check); never call it for an order the customer has not proved is theirs.
    /// </summary>
    public async Task<IReadOnlyList<PortalAttachment>> ListForVerifiedOrderAsync(string number, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var orderId = await db.WorkOrders.AsNoTracking().Where(w => w.Number == number).Select(w => (long?)w.Id).FirstOrDefaultAsync(cancellationToken);
        if (orderId is not { } id)
        {
            return [];
        }

        var visible = await ListAttachments.Of(db, id).Where(a => a.IsCustomerVisible).ToListAsync(cancellationToken);
        return [.. visible.OrderBy(a => a.UploadedAt).ThenBy(a => a.Id)
            .Select(a => new PortalAttachment(a.FileName, a.ContentType, a.SizeBytes, a.Source, a.UploadedAt, links.UrlOf(number, a.Id)))];
    }

    /// <summary>The content a portal link points at, or null for a link that is forged, expired or names an internal file.</summary>
    public async Task<AttachmentContent?> OpenAsync(string token, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not { } link)
        {
            return null;
        }

        var (number, attachmentId) = link;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var orderId = await db.WorkOrders.AsNoTracking().Where(w => w.Number == number).Select(w => (long?)w.Id).FirstOrDefaultAsync(cancellationToken);
        if (orderId is not { } id)
        {
            return null;
        }

        var attachment = await ListAttachments.Of(db, id).FirstOrDefaultAsync(a => a.Id == attachmentId && a.IsCustomerVisible, cancellationToken);
        return attachment is not null && store.OpenRead(number, attachment.Sha256) is { } content
            ? new AttachmentContent(attachment.ToResponse(number), content)
            : null;
    }
}
