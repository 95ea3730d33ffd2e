using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.Surveys;

/// <summary>
/// Satisfaction surveys (CSAT/NPS): administrators set the questions (<c>/api/v1/surveys</c>), survey campaigns invite
/// customers with a signed link each, customers answer on the portal page /portal/survey/{token} without signing in
/// (signed-in customers also find their open ones on /portal/orders), and the answers feed CSAT and NPS in the
/// satisfaction indicators.
/// </summary>
public static class SurveysFeature
{
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddOptions<SurveysOptions>().BindConfiguration(SurveysOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SurveyLinks>();
        services.AddScoped<InviteToSurvey>();
        services.AddScoped<ListPendingSurveys>();
        services.AddScoped<EditSurvey>();
        services.AddScoped<AnswerSurvey>();
        return services;
    }

    public static IEndpointRouteBuilder MapSurveys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/surveys").WithTags("Surveys").RequireAuthorization(Policies.Staff);
        group.MapGet("/", ListAsync).WithName("ListSurveys");
        group.MapPost("/", CreateAsync).WithName("CreateSurvey");
        group.MapPut("/{id:int}", UpdateAsync).WithName(nameof(EditSurvey));
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<SurveyResponse>>, ProblemHttpResult>> ListAsync(StaffScope scope, EditSurvey handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.ListAsync(scope, cancellationToken) is { } surveys
            ? TypedResults.Ok(surveys)
            : TypedResults.Problem(title: "Not allowed", detail: "Surveys are read by managers, analysts and administrators.", statusCode: StatusCodes.Status403Forbidden);
    }

    public static async Task<Results<Created<SurveyResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        SurveyRequest request, StaffScope scope, EditSurvey handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.SaveAsync(null, request, scope, cancellationToken) switch
        {
            EditSurveyResult.Saved saved => TypedResults.Created($"/api/v1/surveys/{saved.Survey.Id}", saved.Survey),
            EditSurveyResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            var other => Problem(other),
        };
    }

    public static async Task<Results<Ok<SurveyResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, SurveyRequest request, StaffScope scope, EditSurvey handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.SaveAsync(id, request, scope, cancellationToken) switch
        {
            EditSurveyResult.Saved saved => TypedResults.Ok(saved.Survey),
            EditSurveyResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            var other => Problem(other),
        };
    }

    private static ProblemHttpResult Problem(EditSurveyResult result) => result switch
    {
        EditSurveyResult.Forbidden forbidden => TypedResults.Problem(title: "Not allowed", detail: forbidden.Reason, statusCode: StatusCodes.Status403Forbidden),
        _ => TypedResults.Problem(title: "Survey not found", statusCode: StatusCodes.Status404NotFound),
    };
}
