using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.Satisfaction;

/// <summary>
/// Satisfaction indicators per org unit and period (<c>/api/v1/satisfaction/indicators</c>): revisit satisfaction,
/// 千户投诉率, first-contact resolution, repeat calls and SLA compliance per limit, read by the manager dashboard.
/// </summary>
public static class SatisfactionFeature
{
    public static IServiceCollection AddSatisfaction(this IServiceCollection services)
    {
        services.AddScoped<GetSatisfactionIndicators>();
        return services;
    }

    public static IEndpointRouteBuilder MapSatisfaction(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/satisfaction").WithTags("Satisfaction").RequireAuthorization(Policies.Staff)
            .MapGet("/indicators", GetIndicatorsAsync).WithName(nameof(GetSatisfactionIndicators));
        return app;
    }

    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The query.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="orgUnitId">The unit reported with the units below it; the caller's own when absent.</param>
    /// <param name="from">First China calendar day, yyyy-MM-dd; 89 days before <paramref name="to"/> when absent.</param>
    /// <param name="to">Last day, yyyy-MM-dd; today when absent.</param>
    /// <param name="interval">day, week (Monday to Sunday) or month (default): the periods of <c>series</c>.</param>
    public static async Task<Results<Ok<SatisfactionIndicatorsResponse>, ValidationProblem, ProblemHttpResult>> GetIndicatorsAsync(
        StaffScope scope, GetSatisfactionIndicators handler, CancellationToken cancellationToken,
        string? orgUnitId = null, string? from = null, string? to = null, string? interval = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!TryParseUnit(orgUnitId, out var unit))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["orgUnitId"] = [$"'{orgUnitId}' is not an org unit id."] });
        }

        return await handler.HandleAsync(scope, unit, from, to, interval, cancellationToken) switch
        {
            GetSatisfactionIndicatorsResult.Found found => TypedResults.Ok(found.Indicators),
            GetSatisfactionIndicatorsResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            GetSatisfactionIndicatorsResult.Forbidden forbidden => TypedResults.Problem(
                title: "Not your report", detail: forbidden.Reason, statusCode: StatusCodes.Status403Forbidden),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }

    /// <summary>Reads an optional org unit id from the query, so a malformed one is a problem naming the field rather than a bare 400.</summary>
    public static bool TryParseUnit(string? text, out int? unit)
    {
        unit = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            unit = id;
            return true;
        }

        return false;
    }
}
