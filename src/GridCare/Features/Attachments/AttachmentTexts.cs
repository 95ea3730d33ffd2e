using System.Globalization;
using Microsoft.Extensions.Localization;

namespace GridCare.Features.Attachments;

/// <summary>What the console and the portal tell people about an upload, in their language.</summary>
public static class AttachmentTexts
{
    public static string Megabytes(AttachmentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (options.MaxBytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture);
    }

    public static string Explain(IStringLocalizer<AttachmentStrings> l, AttachOutcome outcome, string fileName, AttachmentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(l);
        return outcome switch
        {
            AttachOutcome.Attached { IsNew: true } => l["Attachments_Uploaded", fileName],
            AttachOutcome.Attached => l["Attachments_AlreadyThere", fileName],
            AttachOutcome.Refused refused => Explain(l, refused.Problem, options),
            _ => l["Error_NotFound"],
        };
    }

    public static string Explain(IStringLocalizer<AttachmentStrings> l, AttachmentProblem problem, AttachmentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        var name = problem.FileName ?? string.Empty;
        return problem.Kind switch
        {
            AttachmentProblemKind.FileMissing => l["Error_FileMissing", name],
            AttachmentProblemKind.TooLarge => l["Error_TooLarge", name, Megabytes(options)],
            AttachmentProblemKind.TypeNotAllowed => l["Error_TypeNotAllowed", name, AttachmentTypes.Names(options.AllowedTypeSet)],
            AttachmentProblemKind.LimitReached => l["Error_LimitReached", options.MaxPerOrder],
            AttachmentProblemKind.TooManyFiles => l["Error_TooManyFiles", options.PortalMaxFiles],
            AttachmentProblemKind.NotAllowedNow => l["Error_NotAllowedNow", problem.Message],
        };
    }
}
