using GridCare.Domain.WorkOrders;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Attachments;

/// <summary>An attachment's facts and its content, open for reading; the caller disposes the content.</summary>
public sealed record AttachmentContent(AttachmentResponse Attachment, Stream Content);

/// <summary>
/// The attachments of an order in the caller's units, oldest first, and the content of one of them. An order outside
/// the units is not found, as for the order itself (ADR 0004).
/// </summary>
public sealed class ListAttachments(IDbContextFactory<AppDbContext> dbFactory, IAttachmentStore store)
{
    public async Task<IReadOnlyList<AttachmentResponse>?> HandleAsync(string number, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.WorkOrders.AsNoTracking().Where(w => w.Number == number)
            .Select(w => new { w.Id, w.Number, w.OrgUnitId })
            .FirstOrDefaultAsync(cancellationToken);
        if (order is null || !scope.Sees(order.OrgUnitId))
        {
            return null;
        }

        var attachments = await Of(db, order.Id).ToListAsync(cancellationToken);
        return [.. attachments.OrderBy(a => a.UploadedAt).ThenBy(a => a.Id).Select(a => a.ToResponse(order.Number))];
    }

    public async Task<AttachmentContent?> OpenAsync(string number, Guid id, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.WorkOrders.AsNoTracking().Where(w => w.Number == number)
            .Select(w => new { w.Id, w.Number, w.OrgUnitId })
            .FirstOrDefaultAsync(cancellationToken);
        if (order is null || !scope.Sees(order.OrgUnitId))
        {
            return null;
        }

        var attachment = await Of(db, order.Id).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return attachment is not null && store.OpenRead(order.Number, attachment.Sha256) is { } content
            ? new AttachmentContent(attachment.ToResponse(order.Number), content)
            : null;
    }

    internal static IQueryable<WorkOrderAttachment> Of(AppDbContext db, long orderId) =>
        db.Set<WorkOrderAttachment>().AsNoTracking().Where(a => EF.Property<long>(a, AttachmentConfiguration.WorkOrderId) == orderId);
}
