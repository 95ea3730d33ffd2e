using System.Globalization;
using GridCare.Domain.Sla;
using GridCare.Domain.Staff;
using GridCare.Platform;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.ComplaintAnalytics;

/// <summary>
/// Complaint analytics of org units: the mix beside the baseline, 千户投诉率, trends, repeat and sensitive
/// complainants (<c>/api/v1/complaint-analytics/mix</c>), hotspots with their network evidence (<c>/hotspots</c>),
/// an Excel workbook of both (<c>/export</c>) and the console dashboard (/complaint-analytics).
/// </summary>
public static class ComplaintAnalyticsFeature
{
    private const int MaxDays = 3 * 366;

    /// <summary>Who analyses complaints: dispatchers, managers, marketing analysts and administrators.</summary>
    public static bool MayAnalyse(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsIn(StaffRole.Manager) || scope.IsIn(StaffRole.Analyst) || scope.IsIn(StaffRole.Admin) || scope.IsIn(StaffRole.Dispatcher);
    }

    public static IServiceCollection AddComplaintAnalytics(this IServiceCollection services)
    {
        services.AddOptions<ComplaintAnalyticsOptions>().BindConfiguration(ComplaintAnalyticsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<GetComplaintMix>();
        services.AddScoped<GetComplaintHotspots>();
        services.AddScoped<HotspotEvidenceReader>();
        services.AddScoped<ExportComplaintAnalytics>();
        return services;
    }

    public static IEndpointRouteBuilder MapComplaintAnalytics(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/complaint-analytics").WithTags("ComplaintAnalytics").RequireAuthorization(Policies.Staff);
        group.MapGet("/mix", GetMixAsync).WithName(nameof(GetComplaintMix));
        group.MapGet("/hotspots", GetHotspotsAsync).WithName(nameof(GetComplaintHotspots));
        group.MapGet("/export", ExportAsync).WithName(nameof(ExportComplaintAnalytics));
        return app;
    }

    /// <summary>
    /// The mix of <c>orgUnitId</c> (default: the caller's unit) and the units below it, from <c>from</c> to <c>to</c>
    /// (China days, yyyy-MM-dd; default the 90 days up to today).
    /// </summary>
    public static async Task<Results<Ok<ComplaintMixResponse>, ValidationProblem, NotFound, ForbidHttpResult>> GetMixAsync(
        StaffScope scope, StaffScopeResolver resolver, GetComplaintMix handler, TimeProvider time, CancellationToken cancellationToken,
        int? orgUnitId = null, string? from = null, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await ResolveAsync(scope, resolver, time, orgUnitId, from, to, cancellationToken) switch
        {
            (null, { } errors) => TypedResults.ValidationProblem(errors),
            ({ } s, _) => TypedResults.Ok(await handler.HandleAsync(s, cancellationToken)),
            _ => MayAnalyse(scope) ? TypedResults.NotFound() : TypedResults.Forbid(),
        };
    }

    public static async Task<Results<Ok<ComplaintHotspotsResponse>, ValidationProblem, NotFound, ForbidHttpResult>> GetHotspotsAsync(
        StaffScope scope, StaffScopeResolver resolver, GetComplaintHotspots handler, TimeProvider time, CancellationToken cancellationToken,
        int? orgUnitId = null, string? from = null, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await ResolveAsync(scope, resolver, time, orgUnitId, from, to, cancellationToken) switch
        {
            (null, { } errors) => TypedResults.ValidationProblem(errors),
            ({ } s, _) => TypedResults.Ok(await handler.HandleAsync(s, cancellationToken)),
            _ => MayAnalyse(scope) ? TypedResults.NotFound() : TypedResults.Forbid(),
        };
    }

    /// <summary>The mix and hotspots as an .xlsx workbook.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound, ForbidHttpResult>> ExportAsync(
        StaffScope scope, StaffScopeResolver resolver, ExportComplaintAnalytics handler, TimeProvider time, CancellationToken cancellationToken,
        int? orgUnitId = null, string? from = null, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        switch (await ResolveAsync(scope, resolver, time, orgUnitId, from, to, cancellationToken))
        {
            case (null, { } errors):
                return TypedResults.ValidationProblem(errors);
            case ({ } s, _):
                var name = string.Create(CultureInfo.InvariantCulture, $"complaints-{s.OrgUnitId}-{s.From:yyyyMMdd}-{s.To:yyyyMMdd}.xlsx");
                return TypedResults.File(await handler.HandleAsync(s, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
            default:
                return MayAnalyse(scope) ? TypedResults.NotFound() : TypedResults.Forbid();
        }
    }

    /// <summary>The scope, or the errors of the request; both null: the caller may not analyse, or the unit is not theirs.</summary>
    internal static async Task<(ComplaintScope? Scope, Dictionary<string, string[]>? Errors)> ResolveAsync(
        StaffScope scope, StaffScopeResolver resolver, TimeProvider time, int? orgUnitId, string? from, string? to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(time);
        if (!MayAnalyse(scope))
        {
            return (null, null);
        }

        var errors = new Dictionary<string, string[]>();
        var today = ChinaTime.DateOf(time.GetUtcNow().UtcDateTime);
        var end = ApiDates.Parse(to, "to", errors) ?? today;
        var start = ApiDates.Parse(from, "from", errors) ?? end.AddDays(-89);
        if (errors.Count == 0 && (end < start || end.DayNumber - start.DayNumber >= MaxDays))
        {
            errors["to"] = [$"'to' is on or after 'from' ({start:yyyy-MM-dd}), at most {MaxDays} days later."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (await ComplaintData.ScopeAsync(resolver, scope, orgUnitId, start, end, cancellationToken), null);
    }
}
