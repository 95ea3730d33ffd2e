using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Attachments;

/// <summary>A file written aside and checked, with the name and type it will be attached under; disposing drops it.</summary>
public sealed class StagedUpload(StagedAttachment content, string fileName, string contentType) : IDisposable
{
    public StagedAttachment Content { get; } = content;

    public string FileName { get; } = fileName;

    /// <summary>The type the content's own bytes show.</summary>
    public string ContentType { get; } = contentType;

    public void Dispose() => Content.Dispose();
}

public abstract record StageResult
{
    public sealed record Staged(StagedUpload Upload) : StageResult;

    public sealed record Refused(AttachmentProblem Problem) : StageResult;
}

/// <summary>
/// Takes in one uploaded file: writes it aside up to the size limit and checks what its bytes are. A declared type
/// outside the allowed list is refused as well, but the type kept and served is always the one the content shows.
/// </summary>
public sealed class StageAttachment(IAttachmentStore store, IOptions<AttachmentsOptions> options)
{
    private const int MaxFileNameLength = 200;

    public async Task<StageResult> HandleAsync(Stream content, string? fileName, string? declaredType, string field, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var name = CleanFileName(fileName);
        var declared = AttachmentTypes.NormalizeDeclared(declaredType);
        if (declared is not null && !limits.AllowedTypeSet.Contains(declared))
        {
            return new StageResult.Refused(NotAllowed(field, name, $"declared as {declared}", limits));
        }

        var staged = await store.StageAsync(content, limits.MaxBytes, cancellationToken);
        if (staged.IsTooLarge)
        {
            staged.Dispose();
            var megabytes = (limits.MaxBytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture);
            return new StageResult.Refused(new AttachmentProblem(
                AttachmentProblemKind.TooLarge, field, $"{Quoted(name)} is larger than {limits.MaxBytes} bytes ({megabytes} MB).", name));
        }

        if (staged.SizeBytes == 0)
        {
            staged.Dispose();
            return new StageResult.Refused(new AttachmentProblem(AttachmentProblemKind.FileMissing, field, $"{Quoted(name)} is empty.", name));
        }

        var actual = AttachmentTypes.Detect(staged.Head.Span);
        if (actual is null || !limits.AllowedTypeSet.Contains(actual))
        {
            staged.Dispose();
            return new StageResult.Refused(NotAllowed(field, name, actual is null ? "of a type GridCare does not recognise" : $"{actual} content", limits));
        }

        return new StageResult.Staged(new StagedUpload(staged, name ?? "attachment" + AttachmentTypes.Extension(actual), actual));
    }

    /// <summary>The file's own name without any folder, control characters or excess length; null when nothing is left.</summary>
    public static string? CleanFileName(string? fileName)
    {
        var name = fileName?.Replace('\\', '/');
        name = name?[(name.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder();
        foreach (var c in name ?? string.Empty)
        {
            builder.Append(char.IsControl(c) || c == '"' ? '_' : c);
        }

        var clean = builder.ToString().Trim();
        if (clean.Length > MaxFileNameLength)
        {
            var extension = Path.GetExtension(clean);
            extension = extension.Length <= 10 ? extension : string.Empty;
            clean = clean[..(MaxFileNameLength - extension.Length)] + extension;
        }

        return clean.Length == 0 || clean is "." or ".." ? null : clean;
    }

    private static string Quoted(string? name) => name is null ? "The file" : $"'{name}'";

    private static AttachmentProblem NotAllowed(string field, string? name, string what, AttachmentsOptions limits) => new(
        AttachmentProblemKind.TypeNotAllowed,
        field,
        $"{Quoted(name)} is {what}; allowed are {string.Join(", ", limits.AllowedTypeSet.Order(StringComparer.Ordinal))}.",
        name);
}
