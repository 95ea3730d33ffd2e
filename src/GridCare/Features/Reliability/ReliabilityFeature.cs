using System.Globalization;
using GridCare.Analytics.Reliability;
using GridCare.Domain.Sla;
using GridCare.Platform;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.Reliability;

/// <summary>
/// Reliability indices (IEEE 1366, DL/T 836) of org units and feeders from the interruption records the outage
/// feature writes, at <c>/api/v1/reliability</c> and on the console's reliability page; the command line computes the
/// same from analysts' CSV files.
/// </summary>
public static class ReliabilityFeature
{
    private const int MaxDays = (5 * 366) + 1;

    public static IServiceCollection AddReliability(this IServiceCollection services) => services.AddScoped<GetReliability>();

    public static IEndpointRouteBuilder MapReliability(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/reliability").WithTags("Reliability").RequireAuthorization(Policies.Staff)
            .MapGet("/", GetReliabilityAsync).WithName(nameof(GetReliability));
        return app;
    }

    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The query.</param>
    /// <param name="time">Today, for the default period.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="orgUnitId">The unit reported (with the units below it); the caller's own when absent.</param>
    /// <param name="feederCode">A 10 kV feeder of that unit, e.g. BJ01-F001, to report the feeder alone.</param>
    /// <param name="from">First China calendar day, yyyy-MM-dd; 1 January of this year when absent.</param>
    /// <param name="to">Last day, yyyy-MM-dd; today when absent.</param>
    /// <param name="medDeviation">sample (default, divide by n − 1) or population (divide by n): the β of 2.5 beta.</param>
    /// <param name="groupBy">month: add the indices of each month as <c>trend</c>.</param>
    public static async Task<Results<Ok<ReliabilityResponse>, ValidationProblem, ProblemHttpResult>> GetReliabilityAsync(
        StaffScope scope,
        GetReliability handler,
        TimeProvider time,
        CancellationToken cancellationToken,
        string? orgUnitId = null,
        string? feederCode = null,
        string? from = null,
        string? to = null,
        string? medDeviation = null,
        string? groupBy = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(time);
        var errors = new Dictionary<string, string[]>();
        int? unit = null;
        if (!string.IsNullOrWhiteSpace(orgUnitId))
        {
            if (int.TryParse(orgUnitId.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                unit = id;
            }
            else
            {
                errors["orgUnitId"] = [$"'{orgUnitId}' is not an org unit id."];
            }
        }

        if (feederCode is { Length: > 64 })
        {
            errors["feederCode"] = ["A feeder code has at most 64 characters."];
        }

        var today = ChinaTime.DateOf(time.GetUtcNow().UtcDateTime);
        var start = ApiDates.Parse(from, "from", errors) ?? new DateOnly(today.Year, 1, 1);
        var end = ApiDates.Parse(to, "to", errors) ?? today;
        var deviation = ApiEnums.Parse<DeviationConvention>(medDeviation, "medDeviation", errors) ?? DeviationConvention.Sample;
        var grouping = ApiEnums.Parse<ReliabilityGrouping>(groupBy, "groupBy", errors);
        if (!errors.ContainsKey("from") && !errors.ContainsKey("to") && (end < start || end.DayNumber - start.DayNumber >= MaxDays))
        {
            errors["to"] = [$"'to' is on or after 'from' ({start:yyyy-MM-dd}), at most {MaxDays} days later."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var request = new ReliabilityRequest(unit, string.IsNullOrWhiteSpace(feederCode) ? null : feederCode.Trim(), start, end, deviation, grouping);
        return await handler.HandleAsync(request, scope, cancellationToken) switch
        {
            GetReliabilityResult.Found found => TypedResults.Ok(found.Reliability),
            GetReliabilityResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            GetReliabilityResult.NotFound notFound => TypedResults.Problem(title: "Not found", detail: notFound.Detail, statusCode: StatusCodes.Status404NotFound),
            GetReliabilityResult.Forbidden forbidden => TypedResults.Problem(title: "Not your step", detail: forbidden.Reason, statusCode: StatusCodes.Status403Forbidden),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }
}
