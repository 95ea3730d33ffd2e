using GridCare.Domain.Staff;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.ComplaintRisk;

/// <summary>
/// Complaint-risk prediction (超前服务): scores of customers and transformers for a complaint in the next 30 days with
/// their reasons (<c>GET /api/v1/complaint-risk</c>, <c>GET /api/v1/customers/{id}/complaint-risk</c>), refreshed by
/// <see cref="ComplaintRiskWorker"/> daily and by an administrator on demand (<c>POST /api/v1/complaint-risk/refresh</c>),
/// the console list (/complaint-risk) and <c>gridcare risk backtest|score</c>.
/// </summary>
public static class ComplaintRiskFeature
{
    public static IServiceCollection AddComplaintRisk(this IServiceCollection services)
    {
        services.AddOptions<ComplaintRiskOptions>().BindConfiguration(ComplaintRiskOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ComplaintRiskHistoryReader>();
        services.AddScoped<RefreshComplaintRisk>();
        services.AddScoped<BacktestComplaintRisk>();
        services.AddScoped<ListComplaintRisk>();
        services.AddHostedService<ComplaintRiskWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapComplaintRisk(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("ComplaintRisk").RequireAuthorization(Policies.Staff);
        group.MapGet("/complaint-risk", ListAsync).WithName(nameof(ListComplaintRisk));
        group.MapGet("/customers/{id:long}/complaint-risk", GetCustomerAsync).WithName("GetCustomerComplaintRisk");
        group.MapPost("/complaint-risk/refresh", RefreshAsync).WithName(nameof(RefreshComplaintRisk));
        return app;
    }

    /// <summary>The <c>top</c> riskiest of <c>level</c> (customer or transformer) in <c>orgUnit</c> (default: the caller's) and below.</summary>
    public static async Task<Results<Ok<ComplaintRiskList>, ValidationProblem, ProblemHttpResult>> ListAsync(
        StaffScope scope, ListComplaintRisk handler, CancellationToken cancellationToken, string? level = null, int? orgUnit = null, int? top = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.HandleAsync(scope, level, orgUnit, top, cancellationToken) switch
        {
            ListComplaintRiskResult.Found found => TypedResults.Ok(found.List),
            ListComplaintRiskResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            _ => Forbidden(),
        };
    }

    public static async Task<Results<Ok<ComplaintRiskItem>, ProblemHttpResult>> GetCustomerAsync(
        long id, StaffScope scope, ListComplaintRisk handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(handler);
        if (!ListComplaintRisk.MayRead(scope))
        {
            return Forbidden();
        }

        return await handler.ForCustomerAsync(scope, id, cancellationToken) switch
        {
            (true, { } item) => TypedResults.Ok(item),
            (true, null) => TypedResults.Problem(title: "Not scored yet", detail: $"Customer {id} has no complaint-risk score yet.", statusCode: StatusCodes.Status404NotFound),
            _ => TypedResults.Problem(title: "Customer not found", detail: $"No customer {id} in your org units.", statusCode: StatusCodes.Status404NotFound),
        };
    }

    /// <summary>Scores everyone again now (administrators); the answer says how many were scored.</summary>
    public static async Task<Results<Ok<ComplaintRiskRefreshed>, ProblemHttpResult>> RefreshAsync(
        StaffScope scope, RefreshComplaintRisk handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(handler);
        return scope.IsIn(StaffRole.Admin)
            ? TypedResults.Ok(await handler.HandleAsync(cancellationToken))
            : TypedResults.Problem(title: "Not your step", detail: "Administrators refresh the complaint-risk scores.", statusCode: StatusCodes.Status403Forbidden);
    }

    private static ProblemHttpResult Forbidden() => TypedResults.Problem(
        title: "Not your step",
        detail: $"Complaint-risk scores are read by {string.Join(", ", ListComplaintRisk.Readers.Select(StaffRoles.NameOf))}.",
        statusCode: StatusCodes.Status403Forbidden);
}
