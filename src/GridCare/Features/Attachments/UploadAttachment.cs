using GridCare.Domain.Staff;
using GridCare.Domain.WorkOrders;
using GridCare.Features.WorkOrders;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Attachments;

public abstract record UploadCheck
{
    public sealed record Allowed : UploadCheck;

    public sealed record NotFound : UploadCheck;

    public sealed record Forbidden(string Reason) : UploadCheck;
}

/// <summary>
/// Staff attach a file to an order (<c>POST /api/v1/work-orders/{number}/attachments</c>, and the console's upload
/// buttons): the order must be in the caller's units, as for reading it, and the caller's role one that may write
/// notes on it — an attachment is a note with a file. Crews' files are crew photos; everyone else's are staff files.
/// </summary>
public sealed class UploadAttachment(IDbContextFactory<AppDbContext> dbFactory, StageAttachment stage, AttachToOrder attach)
{
    private static readonly StaffRole[] Roles = ChangeWorkOrder.Actions["note"];

    /// <summary>Checked before the body is read, so that nobody streams megabytes to an order they may not touch.</summary>
    public async Task<UploadCheck> CheckAsync(string number, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.WorkOrders.AsNoTracking().Where(w => w.Number == number).Select(w => (int?)w.OrgUnitId).FirstOrDefaultAsync(cancellationToken);
        if (unit is not { } orgUnitId || !scope.Sees(orgUnitId))
        {
            return new UploadCheck.NotFound();
        }

        return Roles.Any(scope.IsIn)
            ? new UploadCheck.Allowed()
            : new UploadCheck.Forbidden($"Attachments are added by {string.Join(", ", Roles.Select(StaffRoles.NameOf))}.");
    }

    public Task<StageResult> StageAsync(Stream content, string? fileName, string? declaredType, CancellationToken cancellationToken) =>
        stage.HandleAsync(content, fileName, declaredType, "file", cancellationToken);

    public Task<AttachOutcome> AttachAsync(string number, StagedUpload upload, bool visibleToCustomer, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var source = scope.IsIn(StaffRole.Crew) ? AttachmentSource.Crew : AttachmentSource.Staff;
        return attach.HandleAsync(number, upload, new AttachmentOrigin(scope.UserName, source, null, visibleToCustomer), scope, cancellationToken);
    }

    /// <summary>Check, stage and attach in one go, for the console, where the file arrives as one stream.</summary>
    public async Task<AttachOutcome> HandleAsync(
        string number, Stream content, string? fileName, string? declaredType, bool visibleToCustomer, StaffScope scope, CancellationToken cancellationToken)
    {
        switch (await CheckAsync(number, scope, cancellationToken))
        {
            case UploadCheck.NotFound:
                return new AttachOutcome.NotFound();
            case UploadCheck.Forbidden forbidden:
                return new AttachOutcome.Refused(new AttachmentProblem(AttachmentProblemKind.NotAllowedNow, "file", forbidden.Reason));
        }

        switch (await StageAsync(content, fileName, declaredType, cancellationToken))
        {
            case StageResult.Staged staged:
                using (staged.Upload)
                {
                    return await AttachAsync(number, staged.Upload, visibleToCustomer, scope, cancellationToken);
                }

            case StageResult.Refused refused:
                return new AttachOutcome.Refused(refused.Problem);
            default:
                throw new InvalidOperationException("Unknown stage result.");
        }
    }
}
