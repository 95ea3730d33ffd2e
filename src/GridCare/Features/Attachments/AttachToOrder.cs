using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;
using GridCare.Features.WorkOrders;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Attachments;

/// <summary>Who attaches a file, through which channel, and whether the customer sees it.</summary>
public sealed record AttachmentOrigin(string Actor, AttachmentSource Source, Channel? Channel, bool VisibleToCustomer);

public abstract record AttachOutcome
{
    public sealed record Attached(AttachmentResponse Attachment, bool IsNew) : AttachOutcome;

    public sealed record NotFound : AttachOutcome;

    public sealed record Refused(AttachmentProblem Problem) : AttachOutcome;
}

/// <summary>
/// Puts a staged, checked file on an order: the aggregate decides (same content again → the attachment already there;
/// order full → refused), the content is committed to the store, then the row, thread entry and history row are saved
/// together. The content is in place before any row can point at it. Two uploads to one order at once meet on the
/// order's version; the loser re-reads and tries again, and finds its content already attached if it was the same.
/// </summary>
public sealed class AttachToOrder(
    IDbContextFactory<AppDbContext> dbFactory, IAttachmentStore store, SlaClock clock, TimeProvider time, IOptions<AttachmentsOptions> options)
{
    private const int Attempts = 3;

    public async Task<AttachOutcome> HandleAsync(string number, StagedUpload upload, AttachmentOrigin origin, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(scope);
        var file = new AttachmentFile(
            upload.FileName, upload.ContentType, upload.Content.SizeBytes, upload.Content.Sha256, origin.Source, origin.VisibleToCustomer);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var order = await db.WorkOrders.WithThread().Include(w => w.Attachments).FirstOrDefaultAsync(w => w.Number == number, cancellationToken);
            if (order is null || !scope.Sees(order.OrgUnitId))
            {
                return new AttachOutcome.NotFound();
            }

            var context = new ChangeContext(origin.Actor, time.GetUtcNow().UtcDateTime, clock, origin.Channel);
            var result = order.Attach(file, options.Value.MaxPerOrder, context);
            if (result.Error is { } error)
            {
                var kind = error.Code == WorkOrderErrorCode.AttachmentLimitReached ? AttachmentProblemKind.LimitReached : AttachmentProblemKind.NotAllowedNow;
                return new AttachOutcome.Refused(new AttachmentProblem(kind, "file", error.Message, upload.FileName));
            }

            if (!result.IsNew)
            {
                return new AttachOutcome.Attached(result.Attachment!.ToResponse(order.Number), IsNew: false);
            }

            await store.CommitAsync(upload.Content, order.Number, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new AttachOutcome.Attached(result.Attachment!.ToResponse(order.Number), IsNew: true);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another change to the order won; the committed content stays, and the next attempt either adds the
                // row or finds the same content already attached.
            }
        }
    }
}
