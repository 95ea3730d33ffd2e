using System.ComponentModel.DataAnnotations;
using GridCare.Domain.WorkOrders;
using GridCare.Features.Sla;
using GridCare.Platform;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GridCare.Features.WorkOrders;

public static class WorkOrdersFeature
{
    public static IServiceCollection AddWorkOrders(this IServiceCollection services)
    {
        services.AddOptions<WorkOrdersOptions>().BindConfiguration(WorkOrdersOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The clock follows the settings administrators edit (AddSla); each scope takes the settings current when it starts.
        services.AddScoped(sp => sp.GetRequiredService<SlaSettings>().Clock);
        services.AddSingleton<SlaPolicies>();
        services.AddScoped<GetWorkOrder>();
        services.AddScoped<ChangeWorkOrder>();
        services.AddScoped<IdentifyOrderCustomer>();
        services.AddScoped<ListCrewOrders>();
        services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ScanSlaDeadlines>();
        services.AddScoped<RetimeOpenOrders>();
        services.AddHostedService<SlaDeadlineScanner>();
        return services;
    }

    public static IEndpointRouteBuilder MapWorkOrders(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/work-orders").WithTags("Work orders").RequireAuthorization(Policies.Staff);
        group.MapGet("/", ListWorkOrdersAsync).WithName("ListWorkOrders");
        group.MapGet("/{number}", GetWorkOrderAsync).WithName(nameof(GetWorkOrder));
        group.MapPost("/{number}/identify", IdentifyOrderCustomerAsync).WithName(nameof(IdentifyOrderCustomer));
        group.MapPost("/{number}/{action}", ChangeWorkOrderAsync).WithName(nameof(ChangeWorkOrder));
        return app;
    }

    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The use case.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="status">Only orders in this status.</param>
    /// <param name="type">Only orders of this type.</param>
    /// <param name="breached">Only breached (true) or not breached (false) orders.</param>
    /// <param name="page">1-based page number.</param>
    /// <param name="pageSize">Rows per page, 1 to 200.</param>
    public static async Task<Ok<PagedResult<WorkOrderSummary>>> ListWorkOrdersAsync(
        StaffScope scope,
        GetWorkOrder handler,
        CancellationToken cancellationToken,
        WorkOrderStatus? status = null,
        WorkOrderType? type = null,
        bool? breached = null,
        [Range(1, 100_000)] int page = 1,
        [Range(1, 200)] int pageSize = 50)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return TypedResults.Ok(await handler.ListAsync(new ListWorkOrdersRequest(status, type, breached, page, pageSize), scope, cancellationToken));
    }

    public static async Task<Results<Ok<WorkOrderDetail>, ProblemHttpResult>> GetWorkOrderAsync(
        string number, StaffScope scope, GetWorkOrder handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.HandleAsync(number, scope, cancellationToken) is { } order
            ? TypedResults.Ok(order)
            : NotFound(number);
    }

    public static async Task<Results<Ok<WorkOrderDetail>, ValidationProblem, ProblemHttpResult>> ChangeWorkOrderAsync(
        string number, string action, [FromBody] ChangeWorkOrderRequest? request, StaffScope scope, ChangeWorkOrder handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return ToHttp(number, await handler.HandleAsync(number, action, request ?? new ChangeWorkOrderRequest(), scope, cancellationToken));
    }

    public static async Task<Results<Ok<WorkOrderDetail>, ValidationProblem, ProblemHttpResult>> IdentifyOrderCustomerAsync(
        string number, [FromBody] IdentifyOrderCustomerRequest? request, StaffScope scope, IdentifyOrderCustomer handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return ToHttp(number, await handler.HandleAsync(number, request ?? new IdentifyOrderCustomerRequest(), scope, cancellationToken));
    }

    private static Results<Ok<WorkOrderDetail>, ValidationProblem, ProblemHttpResult> ToHttp(string number, ChangeWorkOrderResult result) =>
        result switch
        {
            ChangeWorkOrderResult.Changed changed => TypedResults.Ok(changed.Order),
            ChangeWorkOrderResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            ChangeWorkOrderResult.Forbidden forbidden => TypedResults.Problem(title: "Not your step", detail: forbidden.Reason, statusCode: StatusCodes.Status403Forbidden),
            ChangeWorkOrderResult.Refused refused => TypedResults.Problem(
                title: "This action is not allowed now",
                detail: refused.Error.Message,
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?>
                {
                    ["code"] = refused.Error.Code.ToString(),
                    ["allowed"] = refused.Error.Allowed.Select(a => a.ToString()).ToList(),
                }),
            _ => NotFound(number),
        };

    private static ProblemHttpResult NotFound(string number) =>
        TypedResults.Problem(title: "Work order not found", detail: $"No work order {number} in your org units.", statusCode: StatusCodes.Status404NotFound);
}
