using GridCare.Domain.WorkOrders;
using GridCare.Features.Portal;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Attachments;

/// <summary>Photos a customer sent with a report, checked and written aside until the report has made its order.</summary>
public sealed class PortalPhotos : IDisposable
{
    private readonly List<StagedUpload> uploads = [];

    public IReadOnlyList<StagedUpload> Uploads => uploads;

    /// <summary>Why the photos cannot be taken; the report is then not sent either, so the customer can fix them.</summary>
    public AttachmentProblem? Problem { get; internal set; }

    internal void Add(StagedUpload upload) => uploads.Add(upload);

    public void Dispose()
    {
        foreach (var upload in uploads)
        {
            upload.Dispose();
        }

        uploads.Clear();
    }
}

/// <summary>
/// Photos attached to a fault report on the portal (form field <c>photos</c>): at most
/// <see cref="AttachmentsOptions.PortalMaxFiles"/>, each checked like any upload. They are checked before the report
/// is sent and attached after it made (or found) the customer's order, as the customer's own, visible to them, on the
/// web channel. A double submit attaches nothing twice: the same content on one order is kept once.
/// </summary>
public sealed class AttachPortalPhotos(StageAttachment stage, AttachToOrder attach, PortalScope portal, IOptions<AttachmentsOptions> options)
{
    public const string Field = "photos";

    public async Task<PortalPhotos> StageAsync(IEnumerable<IFormFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);

        // A file input left empty still posts one part without a name or content.
        var chosen = files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        var photos = new PortalPhotos();
        var max = options.Value.PortalMaxFiles;
        if (chosen.Count > max)
        {
            photos.Problem = new AttachmentProblem(AttachmentProblemKind.TooManyFiles, Field, $"At most {max} photos go with one report.");
            return photos;
        }

        foreach (var file in chosen)
        {
            await using var content = file.OpenReadStream();
            switch (await stage.HandleAsync(content, file.FileName, file.ContentType, Field, cancellationToken))
            {
                case StageResult.Staged staged:
                    photos.Add(staged.Upload);
                    break;
                case StageResult.Refused refused:
                    photos.Problem = refused.Problem;
                    photos.Dispose();
                    return photos;
            }
        }

        return photos;
    }

    /// <summary>Attaches the staged photos to the order the report made; true when every one of them is on it.</summary>
    public async Task<bool> AttachAsync(string number, PortalPhotos photos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(photos);
        var scope = await portal.ResolveAsync(cancellationToken);
        var origin = new AttachmentOrigin(RecordPortalRevisit.Actor, AttachmentSource.Customer, Channel.Web, VisibleToCustomer: true);
        var all = true;
        foreach (var upload in photos.Uploads)
        {
            all &= await attach.HandleAsync(number, upload, origin, scope, cancellationToken) is AttachOutcome.Attached;
        }

        return all;
    }
}
