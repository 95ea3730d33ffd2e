using GridCare.Features.Notifications;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.Campaigns;

/// <summary>
/// Targeted campaigns (<c>/api/v1/campaigns</c>): create one for a segment or a list, preview its audience, send it
/// through the notification outbox, read its results (or download them as Excel); the SMS gateway posts replies (opt-outs) to
/// <c>/api/v1/campaigns/replies</c>. Pages /campaigns and /campaigns/{id}.
/// </summary>
public static class CampaignsFeature
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.AddScoped<ResolveAudience>();
        services.AddScoped<PreviewAudience>();
        services.AddScoped<ListAudienceChoices>();
        services.AddScoped<CreateCampaign>();
        services.AddScoped<ListCampaigns>();
        services.AddScoped<SendCampaign>();
        services.AddScoped<GetCampaignResults>();
        services.AddScoped<ExportCampaignResults>();
        services.AddScoped<RecordSmsReply>();
        return services;
    }

    public static IEndpointRouteBuilder MapCampaigns(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/campaigns").WithTags("Campaigns");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Staff).WithName(nameof(ListCampaigns));
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Staff).WithName(nameof(CreateCampaign));
        group.MapPost("/preview-audience", PreviewAsync).RequireAuthorization(Policies.Staff).WithName(nameof(PreviewAudience));
        group.MapPost("/{id:long}/send", SendAsync).RequireAuthorization(Policies.Staff).WithName(nameof(SendCampaign));
        group.MapGet("/{id:long}/results", ResultsAsync).RequireAuthorization(Policies.Staff).WithName(nameof(GetCampaignResults));
        group.MapGet("/{id:long}/results.xlsx", ExportAsync).RequireAuthorization(Policies.Staff).WithName(nameof(ExportCampaignResults));

        // The SMS gateway calls without a user: its signature is the authentication.
        group.MapPost("/replies", ReplyAsync).AllowAnonymous().WithName(nameof(RecordSmsReply));
        return app;
    }

    /// <param name="scope">The caller.</param>
    /// <param name="handler">The query.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="limit">At most this many campaigns, newest first (1 to 500, default 100).</param>
    public static async Task<Results<Ok<IReadOnlyList<CampaignSummary>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        StaffScope scope, ListCampaigns handler, CancellationToken cancellationToken, int limit = 100)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!CampaignAccess.May(scope))
        {
            return Forbidden(CampaignAccess.Refusal);
        }

        return limit is < 1 or > 500
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["limit is from 1 to 500."] })
            : TypedResults.Ok(await handler.HandleAsync(scope, limit, cancellationToken));
    }

    public static async Task<Results<Created<CampaignSummary>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CampaignRequest request, StaffScope scope, CreateCampaign handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.HandleAsync(request, scope, cancellationToken) switch
        {
            CampaignResult.Found found => TypedResults.Created($"/api/v1/campaigns/{found.Campaign.Id}/results", found.Campaign),
            CampaignResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            CampaignResult.Forbidden forbidden => Forbidden(forbidden.Reason),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }

    public static async Task<Results<Ok<AudiencePreview>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        AudiencePreviewRequest request, StaffScope scope, PreviewAudience handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.HandleAsync(request, scope, cancellationToken) switch
        {
            PreviewResult.Found found => TypedResults.Ok(found.Preview),
            PreviewResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            PreviewResult.Forbidden forbidden => Forbidden(forbidden.Reason),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }

    /// <summary>Sends a draft campaign; sending it again returns its results and sends nothing.</summary>
    public static async Task<Results<Ok<CampaignResults>, ProblemHttpResult>> SendAsync(long id, StaffScope scope, SendCampaign handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.HandleAsync(id, scope, cancellationToken) switch
        {
            SendCampaignResult.Sent sent => TypedResults.Ok(sent.Results),
            SendCampaignResult.Forbidden forbidden => Forbidden(forbidden.Reason),
            _ => NotFound(id),
        };
    }

    public static async Task<Results<Ok<CampaignResults>, ProblemHttpResult>> ResultsAsync(long id, StaffScope scope, GetCampaignResults handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!CampaignAccess.May(scope))
        {
            return Forbidden(CampaignAccess.Refusal);
        }

        return await handler.HandleAsync(id, scope, cancellationToken) is { } results ? TypedResults.Ok(results) : NotFound(id);
    }

    /// <summary>The results as an .xlsx workbook: summary, channels, and one row per customer.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(long id, StaffScope scope, ExportCampaignResults handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!CampaignAccess.May(scope))
        {
            return Forbidden(CampaignAccess.Refusal);
        }

        return await handler.HandleAsync(id, scope, cancellationToken) is { } workbook
            ? TypedResults.File(workbook, ExportCampaignResults.ContentType, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"campaign-{id}-results.xlsx"))
            : NotFound(id);
    }

    /// <summary>An SMS sent back by a customer (<see cref="SmsReply"/>), signed by the SMS gateway like our calls to it.</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ReplyAsync(
        HttpRequest request, GatewayCallbacks callbacks, RecordSmsReply handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callbacks);
        ArgumentNullException.ThrowIfNull(handler);
        if (await callbacks.ReadSignedAsync(request, cancellationToken) is not { } body)
        {
            return GatewayCallbacks.NotSigned();
        }

        return await handler.HandleAsync(body, cancellationToken) switch
        {
            (SmsReplyOutcome.Invalid, var errors) => TypedResults.ValidationProblem(errors),
            _ => TypedResults.NoContent(),
        };
    }

    private static ProblemHttpResult Forbidden(string reason) =>
        TypedResults.Problem(title: "Not allowed", detail: reason, statusCode: StatusCodes.Status403Forbidden);

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(title: "Campaign not found", detail: $"No campaign {id} in your org units.", statusCode: StatusCodes.Status404NotFound);
}
