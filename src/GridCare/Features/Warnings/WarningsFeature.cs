using System.ComponentModel.DataAnnotations;
using GridCare.Analytics.MeterData.Warnings;
using GridCare.Domain.Staff;
using GridCare.Domain.Warnings;
using GridCare.Platform;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.Warnings;

/// <summary>
/// Early warnings (issue #5, proactive service): after each analysed day the rules turn overloads, heavy load, voltage
/// pockets, imbalance, line loss and meter anomalies into warnings with their evidence, and — in units that switch it
/// on — into proactive work orders before customers complain.
/// </summary>
public static class WarningsFeature
{
    public static IServiceCollection AddWarnings(this IServiceCollection services)
    {
        services.AddOptions<WarningsOptions>().BindConfiguration(WarningsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WarningFinder>();
        services.AddScoped<OpenProactiveOrder>();
        services.AddScoped<EvaluateWarnings>();
        services.AddScoped<ListWarnings>();
        services.AddScoped<ActOnWarning>();
        services.AddScoped<EditProactiveOrders>();
        return services;
    }

    public static IEndpointRouteBuilder MapWarnings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/warnings").WithTags("Warnings").RequireAuthorization(Policies.Staff);
        group.MapGet("/", ListWarningsAsync).WithName(nameof(ListWarnings));
        group.MapPost("/{id:long}/acknowledge", AcknowledgeAsync).WithName("AcknowledgeWarning");
        group.MapPost("/{id:long}/work-order", OpenOrderAsync).WithName(nameof(OpenProactiveOrder));
        group.MapPost("/evaluate", EvaluateAsync).WithName(nameof(EvaluateWarnings));
        group.MapGet("/settings", ListSettingsAsync).WithName("ListProactiveOrderSettings");
        group.MapPut("/settings/{orgUnitId:int}", SetSettingAsync).WithName("SetProactiveOrderSetting");
        return app;
    }

    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The query.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="status">active (default: not cleared), open, orderOpened, acknowledged, cleared or all.</param>
    /// <param name="rule">overload, heavyLoad, lowVoltage, highVoltage, imbalance, lineLoss or meterAnomaly.</param>
    /// <param name="severity">warning or critical.</param>
    /// <param name="orgUnitId">Only this unit and the units below it.</param>
    /// <param name="transformer">Only this transformer's warnings (its meters' included).</param>
    /// <param name="page">1-based page number.</param>
    /// <param name="pageSize">Rows per page, 1 to 200.</param>
    public static async Task<Results<Ok<PagedResult<WarningResponse>>, ValidationProblem, ProblemHttpResult>> ListWarningsAsync(
        StaffScope scope, ListWarnings handler, CancellationToken cancellationToken, string? status = null, string? rule = null, string? severity = null,
        int? orgUnitId = null, string? transformer = null, [Range(1, 100_000)] int page = 1, [Range(1, 200)] int pageSize = 50)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(handler);
        if (!ListWarnings.Readers.Any(scope.IsIn))
        {
            return Forbidden(ReadersOnly);
        }

        var errors = new Dictionary<string, string[]>();
        var query = new WarningQuery(
            ApiEnums.Parse<WarningFilter>(status, "status", errors) ?? WarningFilter.Active,
            ApiEnums.Parse<WarningRule>(rule, "rule", errors),
            ApiEnums.Parse<WarningSeverity>(severity, "severity", errors),
            orgUnitId,
            transformer,
            page,
            pageSize);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await handler.ListAsync(query, scope, cancellationToken));
    }

    public static async Task<Results<Ok<WarningResponse>, ProblemHttpResult>> AcknowledgeAsync(long id, StaffScope scope, ActOnWarning handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Answer(id, await handler.AcknowledgeAsync(id, scope, cancellationToken));
    }

    public static async Task<Results<Ok<WarningResponse>, ProblemHttpResult>> OpenOrderAsync(long id, StaffScope scope, ActOnWarning handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Answer(id, await handler.OpenOrderAsync(id, scope, cancellationToken));
    }

    /// <summary>Evaluates the rules again for a day that was analysed (administrators; the worker does it after each analysis).</summary>
    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The evaluation.</param>
    /// <param name="readers">The latest analysed day, the default.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="date">The China day, yyyy-MM-dd; the latest analysed day when absent.</param>
    public static async Task<Results<Ok<WarningEvaluation>, ValidationProblem, ProblemHttpResult>> EvaluateAsync(
        StaffScope scope, EvaluateWarnings handler, Analytics.MeterData.Analysis.TransformerLoadReader readers, CancellationToken cancellationToken, string? date = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(readers);
        if (!scope.IsIn(StaffRole.Admin))
        {
            return Forbidden("Warnings are evaluated on demand by admins.");
        }

        var errors = new Dictionary<string, string[]>();
        var day = ApiDates.Parse(date, "date", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if ((day ?? await readers.LatestDayAsync(cancellationToken)) is not { } evaluated)
        {
            return TypedResults.Problem(title: "Nothing analysed yet", detail: "No day of meter data has been analysed.", statusCode: StatusCodes.Status409Conflict);
        }

        return TypedResults.Ok(await handler.HandleAsync(evaluated, cancellationToken));
    }

    public static async Task<Results<Ok<List<ProactiveOrderUnitResponse>>, ProblemHttpResult>> ListSettingsAsync(
        StaffScope scope, EditProactiveOrders handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(handler);
        return ListWarnings.Readers.Any(scope.IsIn)
            ? TypedResults.Ok(await handler.ListAsync(scope, cancellationToken))
            : Forbidden(ReadersOnly);
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetSettingAsync(
        int orgUnitId, ProactiveOrderSettingRequest request, StaffScope scope, EditProactiveOrders handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        if (request.Enabled is not { } enabled)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["enabled"] = ["Say true or false."] });
        }

        return await handler.SetAsync(orgUnitId, enabled, scope, cancellationToken) is { } refusal ? Forbidden(refusal) : TypedResults.NoContent();
    }

    private static Results<Ok<WarningResponse>, ProblemHttpResult> Answer(long id, ActOnWarningResult result) => result switch
    {
        ActOnWarningResult.Done done => TypedResults.Ok(done.Warning),
        ActOnWarningResult.Forbidden forbidden => Forbidden(forbidden.Reason),
        ActOnWarningResult.Conflict conflict => TypedResults.Problem(title: "Not possible now", detail: conflict.Reason, statusCode: StatusCodes.Status409Conflict),
        _ => TypedResults.Problem(title: "Warning not found", detail: $"No warning {id} in your org units.", statusCode: StatusCodes.Status404NotFound),
    };

    private static string ReadersOnly => $"Warnings are read by {string.Join(", ", ListWarnings.Readers.Select(StaffRoles.NameOf))}.";

    private static ProblemHttpResult Forbidden(string reason) => TypedResults.Problem(title: "Not your step", detail: reason, statusCode: StatusCodes.Status403Forbidden);
}
