using System.ComponentModel.DataAnnotations;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.Sla;

/// <summary>
/// The SLA settings administrators maintain: the business calendar (the State Council's yearly holiday notice,
/// published each November or December) and, read-only for now, the policies.
/// </summary>
public static class SlaFeature
{
    public static IServiceCollection AddSla(this IServiceCollection services)
    {
        services.AddSingleton<SlaCalendar>();
        services.AddScoped<GetSlaSettings>();
        services.AddScoped<EditSlaCalendar>();
        return services;
    }

    public static IEndpointRouteBuilder MapSla(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sla").WithTags("SLA").RequireAuthorization(Policies.Admin);
        group.MapGet("/policies", ListSlaPolicies).WithName(nameof(ListSlaPolicies));
        group.MapGet("/calendar", GetSlaCalendar).WithName(nameof(GetSlaCalendar));
        group.MapPut("/calendar/{date}", PutCalendarDayAsync).WithName("PutCalendarDay");
        group.MapDelete("/calendar/{date}", DeleteCalendarDayAsync).WithName("DeleteCalendarDay");
        group.MapPost("/calendar/import", ImportCalendarAsync).WithName("ImportCalendar").Accepts<string>("text/csv");
        return app;
    }

    public static Ok<IReadOnlyList<SlaPolicyResponse>> ListSlaPolicies(GetSlaSettings handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return TypedResults.Ok(handler.Policies());
    }

    /// <param name="handler">The query.</param>
    /// <param name="year">The calendar year, 2000 to 2100.</param>
    public static Ok<CalendarYearResponse> GetSlaCalendar(GetSlaSettings handler, [Range(2000, 2100)] int year)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return TypedResults.Ok(handler.Year(year));
    }

    public static async Task<Results<Ok<CalendarDayResponse>, ValidationProblem>> PutCalendarDayAsync(
        string date, CalendarDayRequest request, EditSlaCalendar handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.PutAsync(date, request, cancellationToken) switch
        {
            EditCalendarResult.Saved saved => TypedResults.Ok(saved.Day),
            EditCalendarResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteCalendarDayAsync(
        string date, EditSlaCalendar handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.DeleteAsync(date, cancellationToken) switch
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
        HttpRequest request, EditSlaCalendar handler, string? fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        var result = await handler.ImportAsync(request.Body, fileName ?? "calendar.csv", cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(new CalendarImportSummary(result.Created, result.Updated, result.Unchanged))
            : TypedResults.Problem(
                title: "The file was rejected; nothing was imported",
                detail: string.Join("\n", result.Errors.Take(50)),
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });
    }
}
