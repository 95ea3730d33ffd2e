using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GridCare.Features.Attachments;

public static class AttachmentEndpoints
{
    // Room for the multipart boundaries, part headers and the visibleToCustomer field around the file itself.
    private const long FormOverheadBytes = 64 * 1024;

    /// <summary>
    /// Streams the <c>file</c> part to the store while hashing it, so a large file is never held in memory and an
    /// oversized one is refused as soon as it passes the limit.
    /// </summary>
    public static async Task<Results<Created<AttachmentResponse>, Ok<AttachmentResponse>, ValidationProblem, ProblemHttpResult>> UploadAttachmentAsync(
        string number, HttpRequest request, StaffScope scope, UploadAttachment handler, IOptions<AttachmentsOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        switch (await handler.CheckAsync(number, scope, cancellationToken))
        {
            case UploadCheck.NotFound:
                return NotFound(number);
            case UploadCheck.Forbidden forbidden:
                return TypedResults.Problem(title: "Not your step", detail: forbidden.Reason, statusCode: StatusCodes.Status403Forbidden);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Invalid("file", "Send the file as multipart/form-data in the field 'file'.");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = options.Value.MaxBytes + FormOverheadBytes;
        }

        StagedUpload? upload = null;
        try
        {
            var visible = false;
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                switch (HeaderUtilities.RemoveQuotes(disposition.Name).Value)
                {
                    case "file" when upload is not null:
                        return Invalid("file", "Send one file per request.");
                    case "file":
                        var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                        switch (await handler.StageAsync(section.Body, fileName, section.ContentType, cancellationToken))
                        {
                            case StageResult.Staged staged:
                                upload = staged.Upload;
                                break;
                            case StageResult.Refused refused:
                                return Problem(refused.Problem);
                        }

                        break;
                    case "visibleToCustomer":
                        using (var text = new StreamReader(section.Body))
                        {
                            var value = (await text.ReadToEndAsync(cancellationToken)).Trim();
                            if (!TryParseFlag(value, out visible))
                            {
                                return Invalid("visibleToCustomer", $"'{value}' is not true or false.");
                            }
                        }

                        break;
                }
            }

            if (upload is null)
            {
                return Invalid("file", "No file in the field 'file'.");
            }

            return await handler.AttachAsync(number, upload, visible, scope, cancellationToken) switch
            {
                AttachOutcome.Attached { IsNew: true } created => TypedResults.Created(created.Attachment.Url, created.Attachment),
                AttachOutcome.Attached existing => TypedResults.Ok(existing.Attachment),
                AttachOutcome.Refused refused => Problem(refused.Problem),
                _ => NotFound(number),
            };
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(new AttachmentProblem(AttachmentProblemKind.TooLarge, "file", $"The request is larger than {options.Value.MaxBytes} bytes allow."));
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return Invalid("file", "The multipart body could not be read: " + e.Message);
        }
        finally
        {
            upload?.Dispose();
        }
    }

    public static async Task<Results<Ok<IReadOnlyList<AttachmentResponse>>, ProblemHttpResult>> ListAttachmentsAsync(
        string number, StaffScope scope, ListAttachments handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.HandleAsync(number, scope, cancellationToken) is { } attachments
            ? TypedResults.Ok(attachments)
            : NotFound(number);
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAttachmentAsync(
        string number, Guid id, StaffScope scope, ListAttachments handler, HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.OpenAsync(number, id, scope, cancellationToken) is { } found
            ? Serve(response, found, "private, max-age=86400")
            : TypedResults.Problem(title: "Attachment not found", detail: $"No attachment {id} on a work order {number} in your org units.", statusCode: StatusCodes.Status404NotFound);
    }

    public static async Task<Results<FileStreamHttpResult, NotFound>> DownloadPortalAttachmentAsync(
        string token, PortalAttachments handler, HttpResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.OpenAsync(token, cancellationToken) is { } found
            ? Serve(response, found, "private, max-age=300")
            : TypedResults.NotFound();
    }

    // Photos open in the browser; anything else (PDF) downloads. Served content never runs as a page of this site:
    // no sniffing a different type, and a sandbox without scripts if it is opened directly.
    private static FileStreamHttpResult Serve(HttpResponse response, AttachmentContent found, string cacheControl)
    {
        var attachment = found.Attachment;
        var disposition = new ContentDispositionHeaderValue(AttachmentTypes.IsBrowserImage(attachment.ContentType) ? "inline" : "attachment");
        disposition.SetHttpFileName(attachment.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.Headers.CacheControl = cacheControl;
        return TypedResults.Stream(found.Content, attachment.ContentType, entityTag: new EntityTagHeaderValue($"\"{attachment.Sha256}\""));
    }

    private static bool TryParseFlag(string value, out bool flag)
    {
        flag = value is "on" or "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
        return flag || value is "" or "0" || string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult Problem(AttachmentProblem problem) => TypedResults.Problem(
        title: problem.Kind switch
        {
            AttachmentProblemKind.TooLarge => "File too large",
            AttachmentProblemKind.TypeNotAllowed => "File type not accepted",
            AttachmentProblemKind.FileMissing or AttachmentProblemKind.TooManyFiles => "One or more validation errors occurred.",
            AttachmentProblemKind.LimitReached or AttachmentProblemKind.NotAllowedNow => "The file cannot be attached",
        },
        detail: problem.Message,
        statusCode: problem.Status,
        extensions: Errors(problem));

    private static Dictionary<string, object?> Errors(AttachmentProblem problem) => new()
    {
        ["errors"] = new Dictionary<string, string[]> { [problem.Field] = [problem.Message] },
        ["code"] = problem.Kind.ToString(),
    };

    private static ProblemHttpResult NotFound(string number) =>
        TypedResults.Problem(title: "Work order not found", detail: $"No work order {number} in your org units.", statusCode: StatusCodes.Status404NotFound);
}
