namespace GridCare.Features.Attachments;

public enum AttachmentProblemKind
{
    FileMissing,
    TooLarge,
    TypeNotAllowed,
    LimitReached,
    TooManyFiles,
    NotAllowedNow,
}

/// <summary>
/// Why a file was not attached, naming the form field it came in. The API answers <see cref="Status"/> with
/// <see cref="Message"/>; the console and the portal show their own localised text for <see cref="Kind"/>.
/// </summary>
public sealed record AttachmentProblem(AttachmentProblemKind Kind, string Field, string Message, string? FileName = null)
{
    public int Status => Kind switch
    {
        AttachmentProblemKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        AttachmentProblemKind.TypeNotAllowed => StatusCodes.Status415UnsupportedMediaType,
        AttachmentProblemKind.LimitReached or AttachmentProblemKind.NotAllowedNow => StatusCodes.Status409Conflict,
        AttachmentProblemKind.FileMissing or AttachmentProblemKind.TooManyFiles => StatusCodes.Status400BadRequest,
    };
}
