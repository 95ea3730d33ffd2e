using System.ComponentModel.DataAnnotations;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.Sla;

/// <summary>
/// The SLA settings administrators maintain: the policies (seeded with the defaults of DOMAIN.md §4) and the
/// business calendar (the State Council's yearly holiday notice, published each November or December), with the
/// audit of every change. All instances hold the settings in memory (<see cref="SlaSettings"/>) and follow edits
/// made in any of them.
/// </summary>
public static class SlaFeature
{
    public static IServiceCollection AddSla(this IServiceCollection services)
    {
        services.AddSingleton<SlaSettings>();
        services.AddHostedService<SlaSettingsWatcher>();
        services.AddScoped<GetSlaSettings>();
        services.AddScoped<EditSlaCalendar>();
        services.AddScoped<EditSlaPolicies>();
        return services;
    }

    public static IEndpointRouteBuilder MapSla(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sla").WithTags("SLA").RequireAuthorization(Policies.Admin);
        group.MapSlaPolicies();
        group.MapGet("/calendar", GetSlaCalendar).WithName(nameof(GetSlaCalendar));
        group.MapPut("/calendar/{date}", PutCalendarDayAsync).WithName("PutCalendarDay");
        group.MapDelete("/calendar/{date}", DeleteCalendarDayAsync).WithName("DeleteCalendarDay");
        group.MapPost("/calendar/import", ImportCalendarAsync).WithName("ImportCalendar").Accepts<string>("text/csv");
        group.MapGet("/changes", ListSlaChangesAsync).WithName("ListSlaChanges");
        return app;
    }

    /// <param name="handler">The query.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="take">How many of the latest changes, 1 to 500.</param>
    public static async Task<Ok<IReadOnlyList<SlaChangeResponse>>> ListSlaChangesAsync(
        GetSlaSettings handler, CancellationToken cancellationToken, [Range(1, 500)] int take = 50)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return TypedResults.Ok(await handler.ChangesAsync(take, cancellationToken));
    }

    /// <param name="handler">The query.</param>
    /// <param name="year">The calendar year, 2000 to 2100.</param>
    public static Ok<CalendarYearResponse> GetSlaCalendar(GetSlaSettings handler, [Range(2000, 2100)] int year)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return TypedResults.Ok(handler.Year(year));
    }

    public static async Task<Results<Ok<CalendarDayResponse>, ValidationProblem>> PutCalendarDayAsync(
        string date, CalendarDayRequest request, StaffScope scope, EditSlaCalendar handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(scope);
        return await handler.PutAsync(date, request, scope.UserName, cancellationToken) switch
        {
            EditCalendarResult.Saved saved => TypedResults.Ok(saved.Day),
            EditCalendarResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteCalendarDayAsync(
        string date, StaffScope scope, EditSlaCalendar handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(scope);
        return await handler.DeleteAsync(date, scope.UserName, cancellationToken) switch
        {
            EditCalendarResult.Removed => TypedResults.NoContent(),
            EditCalendarResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            _ => TypedResults.Problem(
                title: "No edited day on that date",
                detail: $"{date} has no administrator's entry; shipped days are changed by adding an edited day.",
                statusCode: StatusCodes.Status404NotFound),
        };
    }

    public static async Task<Results<Ok<CalendarImportSummary>, ProblemHttpResult>> ImportCalendarAsync(
        HttpRequest request, StaffScope scope, EditSlaCalendar handler, string? fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(scope);
        var result = await handler.ImportAsync(request.Body, fileName ?? "calendar.csv", scope.UserName, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(new CalendarImportSummary(result.Created, result.Updated, result.Unchanged))
            : TypedResults.Problem(
                title: "The file was rejected; nothing was imported",
                detail: string.Join("\n", result.Errors.Take(50)),
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });
    }
}
