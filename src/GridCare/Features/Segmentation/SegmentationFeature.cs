using System.Globalization;
using GridCare.Features.CustomerProfile;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.Segmentation;

/// <summary>
/// Customer segments of a unit (<c>GET /api/v1/segments</c>), their Excel export (<c>/export</c>), saving the load-shape
/// clusters to the customers (<c>POST /api/v1/segments/load-shape</c>) and the explorer page (/segments).
/// </summary>
public static class SegmentationFeature
{
    public static IServiceCollection AddSegmentation(this IServiceCollection services)
    {
        services.AddScoped<GetSegments>();
        services.AddScoped<ExportSegments>();
        return services;
    }

    public static IEndpointRouteBuilder MapSegmentation(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/segments").WithTags("Segmentation").RequireAuthorization(Policies.Staff);
        group.MapGet("/", GetSegmentsAsync).WithName(nameof(GetSegments));
        group.MapGet("/export", ExportSegmentsAsync).WithName(nameof(ExportSegments));
        group.MapPost("/load-shape", SaveLoadShapeSegmentsAsync).WithName("SaveLoadShapeSegments");
        return app;
    }

    /// <param name="scope">The caller.</param>
    /// <param name="handler">The use case.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="by">loadShape (default), capacity, category, area or sensitivity.</param>
    /// <param name="orgUnitId">The unit (default: the caller's) and the units below it.</param>
    /// <param name="k">auto (default; 2–10 by silhouette) or the number of load-shape clusters.</param>
    /// <param name="normalize">sum (default), peak or none.</param>
    /// <param name="category">Only this category: residential, commercial, industrial, agricultural.</param>
    /// <param name="capacity">Only this contracted capacity band: under10, from10To50, from50To100, from100To315, from315To1000, over1000 (kVA).</param>
    /// <param name="area">Only urban, rural or remote customers.</param>
    /// <param name="sensitivity">Only sensitive, important or ordinary customers.</param>
    public static async Task<Results<Ok<SegmentsResponse>, ValidationProblem, ProblemHttpResult>> GetSegmentsAsync(
        StaffScope scope, GetSegments handler, CancellationToken cancellationToken,
        string? by = null, int? orgUnitId = null, string? k = null, string? normalize = null, string? category = null, string? capacity = null, string? area = null, string? sensitivity = null) =>
        await RunAsync(scope, handler, false, by, orgUnitId, k, normalize, category, capacity, area, sensitivity, cancellationToken) switch
        {
            (_, { } errors, _) => TypedResults.ValidationProblem(errors),
            (_, _, { } problem) => problem,
            var (segments, _, _) => TypedResults.Ok(segments!),
        };

    /// <summary>Clusters like <c>GET /api/v1/segments?by=loadShape</c> and saves each customer's cluster for the profile.</summary>
    public static async Task<Results<Ok<SegmentsResponse>, ValidationProblem, ProblemHttpResult>> SaveLoadShapeSegmentsAsync(
        StaffScope scope, GetSegments handler, CancellationToken cancellationToken,
        int? orgUnitId = null, string? k = null, string? normalize = null, string? category = null, string? capacity = null, string? area = null, string? sensitivity = null) =>
        await RunAsync(scope, handler, true, "loadShape", orgUnitId, k, normalize, category, capacity, area, sensitivity, cancellationToken) switch
        {
            (_, { } errors, _) => TypedResults.ValidationProblem(errors),
            (_, _, { } problem) => problem,
            var (segments, _, _) => TypedResults.Ok(segments!),
        };

    /// <summary>The same segments as an .xlsx workbook.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportSegmentsAsync(
        StaffScope scope, GetSegments handler, ExportSegments export, CancellationToken cancellationToken,
        string? by = null, int? orgUnitId = null, string? k = null, string? normalize = null, string? category = null, string? capacity = null, string? area = null, string? sensitivity = null)
    {
        ArgumentNullException.ThrowIfNull(export);
        return await RunAsync(scope, handler, false, by, orgUnitId, k, normalize, category, capacity, area, sensitivity, cancellationToken) switch
        {
            (_, { } errors, _) => TypedResults.ValidationProblem(errors),
            (_, _, { } problem) => problem,
            var (segments, _, _) => TypedResults.File(
                export.Handle(segments!), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                string.Create(CultureInfo.InvariantCulture, $"segments-{segments!.By}-{segments.OrgUnitId}.xlsx")),
        };
    }

    private static async Task<(SegmentsResponse? Segments, Dictionary<string, string[]>? Errors, ProblemHttpResult? Problem)> RunAsync(
        StaffScope scope, GetSegments handler, bool save, string? by, int? orgUnitId, string? k, string? normalize, string? category, string? capacity, string? area, string? sensitivity,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!InsightAccess.May(scope, InsightAccess.SegmentReaders))
        {
            return (null, null, TypedResults.Problem(title: "Not allowed", detail: "Segments are for dispatchers, managers, analysts and administrators.", statusCode: StatusCodes.Status403Forbidden));
        }

        var errors = new Dictionary<string, string[]>();
        if (SegmentQuery.Parse(by, orgUnitId, k, normalize, category, capacity, area, sensitivity, errors) is not { } query)
        {
            return (null, errors, null);
        }

        return await handler.HandleAsync(query, scope, save, cancellationToken) is { } segments
            ? (segments, null, null)
            : (null, null, TypedResults.Problem(title: "Org unit not found", detail: $"No org unit {orgUnitId} among yours.", statusCode: StatusCodes.Status404NotFound));
    }
}
