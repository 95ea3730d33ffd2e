using System.ComponentModel.DataAnnotations;
using GridCare.Features.WorkOrders;
using GridCare.Platform;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.Revisits;

/// <summary>
/// Revisits (回访): every resolved repair and complaint gets a task, the customer is invited by SMS with a signed
/// link, agents take what is due, and the answers are kept for the satisfaction dashboards.
/// </summary>
public static class RevisitsFeature
{
    public static IServiceCollection AddRevisits(this IServiceCollection services)
    {
        services.AddOptions<RevisitsOptions>().BindConfiguration(RevisitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RevisitLinks>();
        services.AddScoped<RevisitMessages>();
        services.AddScoped<OpenRevisitTask>();
        services.AddScoped<IWorkOrderChangeHandler>(sp => sp.GetRequiredService<OpenRevisitTask>());
        services.AddScoped<AnswerRevisit>();
        services.AddScoped<AnswerRevisitByLink>();
        services.AddScoped<ListRevisits>();
        services.AddScoped<GetRevisitResults>();
        return services;
    }

    public static IEndpointRouteBuilder MapRevisits(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/revisits").WithTags("Revisits").RequireAuthorization(Policies.Staff);
        group.MapGet("/", ListRevisitsAsync).WithName(nameof(ListRevisits));
        group.MapGet("/{id:long}", GetRevisitAsync).WithName("GetRevisit");
        group.MapPost("/{id:long}/answer", AnswerRevisitAsync).WithName(nameof(AnswerRevisit));
        group.MapGet("/results", GetRevisitResultsAsync).WithName(nameof(GetRevisitResults));
        return app;
    }

    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The query.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="status">due (the agents' queue), waiting (not due yet), open, answered, cancelled; all when absent.</param>
    /// <param name="page">1-based page number.</param>
    /// <param name="pageSize">Rows per page, 1 to 200.</param>
    public static async Task<Results<Ok<PagedResult<RevisitTaskResponse>>, ValidationProblem, ProblemHttpResult>> ListRevisitsAsync(
        StaffScope scope,
        ListRevisits handler,
        CancellationToken cancellationToken,
        string? status = null,
        [Range(1, 100_000)] int page = 1,
        [Range(1, 200)] int pageSize = 50)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(handler);
        if (!ListRevisits.Readers.Any(scope.IsIn))
        {
            return Forbidden($"Revisits are listed for {string.Join(", ", ListRevisits.Readers.Select(StaffRoles.NameOf))}.");
        }

        var errors = new Dictionary<string, string[]>();
        var queue = ApiEnums.Parse<RevisitFilter>(status, "status", errors) ?? RevisitFilter.All;
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await handler.ListAsync(queue, page, pageSize, scope, cancellationToken));
    }

    public static async Task<Results<Ok<RevisitTaskResponse>, ProblemHttpResult>> GetRevisitAsync(
        long id, StaffScope scope, ListRevisits handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(handler);
        if (!ListRevisits.Readers.Any(scope.IsIn))
        {
            return Forbidden($"Revisits are read by {string.Join(", ", ListRevisits.Readers.Select(StaffRoles.NameOf))}.");
        }

        return await handler.GetAsync(id, scope, cancellationToken) is { } task ? TypedResults.Ok(task) : NotFound(id);
    }

    public static async Task<Results<Ok<RevisitTaskResponse>, ValidationProblem, ProblemHttpResult>> AnswerRevisitAsync(
        long id, RevisitAnswerRequest request, StaffScope scope, AnswerRevisit handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.ByAgentAsync(id, request, scope, cancellationToken) switch
        {
            AnswerRevisitResult.Answered answered => TypedResults.Ok(answered.Task),
            AnswerRevisitResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            AnswerRevisitResult.Forbidden forbidden => Forbidden(forbidden.Reason),
            AnswerRevisitResult.NotOpen notOpen => TypedResults.Problem(
                title: "This revisit is not open", detail: notOpen.Reason, statusCode: StatusCodes.Status409Conflict),
            _ => NotFound(id),
        };
    }

    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The query.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="from">First China calendar day, yyyy-MM-dd; the first of this month when absent.</param>
    /// <param name="to">Last day, yyyy-MM-dd; today when absent.</param>
    /// <param name="period">day, week or month (default).</param>
    /// <param name="orgUnitId">The unit whose units are reported; the caller's own when absent.</param>
    public static async Task<Results<Ok<RevisitResultsResponse>, ValidationProblem, ProblemHttpResult>> GetRevisitResultsAsync(
        StaffScope scope, GetRevisitResults handler, CancellationToken cancellationToken, string? from = null, string? to = null, string? period = null, int? orgUnitId = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.HandleAsync(from, to, period, orgUnitId, scope, cancellationToken) switch
        {
            GetRevisitResultsResult.Found found => TypedResults.Ok(found.Results),
            GetRevisitResultsResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            GetRevisitResultsResult.Forbidden forbidden => Forbidden(forbidden.Reason),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }

    private static ProblemHttpResult Forbidden(string reason) =>
        TypedResults.Problem(title: "Not your step", detail: reason, statusCode: StatusCodes.Status403Forbidden);

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(title: "Revisit not found", detail: $"No revisit {id} in your org units.", statusCode: StatusCodes.Status404NotFound);
}
