using GridCare.Analytics.Segmentation;
using GridCare.Domain.Customers;
using GridCare.Domain.Staff;
using GridCare.Features.CustomerProfile;
using GridCare.Platform;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.TariffAdvice;

/// <summary>
/// Time-of-use advice: a customer's bills under each tariff (<c>GET /api/v1/customers/{id}/tariff-advice</c>), the
/// customers of a unit who would save most (<c>GET /api/v1/tariff-advice</c>), and the tariff tables administrators
/// edit (<c>GET /api/v1/tariffs</c>, <c>PUT /api/v1/tariffs/{code}</c>, page /tariffs).
/// </summary>
public static class TariffAdviceFeature
{
    public static IServiceCollection AddTariffAdvice(this IServiceCollection services)
    {
        services.AddScoped<GetTariffAdvice>();
        services.AddScoped<ListTariffSavings>();
        services.AddScoped<EditTariff>();
        return services;
    }

    public static IEndpointRouteBuilder MapTariffAdvice(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/api/v1/customers").WithTags("TariffAdvice").RequireAuthorization(Policies.Staff);
        customers.MapGet("/{id:long}/tariff-advice", GetAdviceAsync).WithName(nameof(GetTariffAdvice));
        var group = app.MapGroup("/api/v1").WithTags("TariffAdvice").RequireAuthorization(Policies.Staff);
        group.MapGet("/tariff-advice", ListSavingsAsync).WithName(nameof(ListTariffSavings));
        group.MapGet("/tariffs", ListTariffsAsync).WithName("ListTariffs");
        group.MapPut("/tariffs/{code}", EditTariffAsync).WithName(nameof(EditTariff));
        return app;
    }

    public static async Task<Results<Ok<TariffAdviceResponse>, ProblemHttpResult>> GetAdviceAsync(long id, StaffScope scope, GetTariffAdvice handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!InsightAccess.May(scope, InsightAccess.ProfileReaders))
        {
            return Forbidden();
        }

        return await handler.HandleAsync(id, scope, cancellationToken) is { } advice
            ? TypedResults.Ok(advice)
            : TypedResults.Problem(title: "Customer not found", detail: $"No customer {id} in your org units.", statusCode: StatusCodes.Status404NotFound);
    }

    /// <param name="scope">The caller.</param>
    /// <param name="handler">The use case.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="orgUnitId">The unit (default: the caller's) and the units below it.</param>
    /// <param name="category">Only this customer category.</param>
    /// <param name="shape">Only customers whose saved load-shape segment has this shape (eveningPeak, daytimeCommerce…).</param>
    /// <param name="limit">At most this many customers, 1 to 1,000.</param>
    public static async Task<Results<Ok<TariffSavingsResponse>, ValidationProblem, ProblemHttpResult>> ListSavingsAsync(
        StaffScope scope, ListTariffSavings handler, CancellationToken cancellationToken, int? orgUnitId = null, string? category = null, string? shape = null, int limit = 100)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!InsightAccess.May(scope, InsightAccess.ProfileReaders))
        {
            return Forbidden();
        }

        var errors = new Dictionary<string, string[]>();
        var parsedCategory = ApiEnums.Parse<CustomerCategory>(category, "category", errors);
        var parsedShape = ApiEnums.Parse<LoadShape>(shape, "shape", errors);
        if (limit is < 1 or > 1000)
        {
            errors["limit"] = ["limit is from 1 to 1000."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await handler.HandleAsync(scope, orgUnitId, parsedCategory, parsedShape, limit, cancellationToken) is { } list
            ? TypedResults.Ok(list)
            : TypedResults.Problem(title: "Org unit not found", detail: $"No org unit {orgUnitId} among yours.", statusCode: StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<List<TariffResponse>>, ProblemHttpResult>> ListTariffsAsync(StaffScope scope, EditTariff handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return InsightAccess.May(scope, InsightAccess.ProfileReaders) ? TypedResults.Ok(await handler.ListAsync(cancellationToken)) : Forbidden();
    }

    /// <summary>Creates or replaces a tariff table (administrators only).</summary>
    public static async Task<Results<Ok<TariffResponse>, ValidationProblem, ProblemHttpResult>> EditTariffAsync(
        string code, EditTariffRequest request, StaffScope scope, EditTariff handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsIn(StaffRole.Admin))
        {
            return TypedResults.Problem(title: "Not allowed", detail: "Tariff tables are edited by administrators.", statusCode: StatusCodes.Status403Forbidden);
        }

        return await handler.HandleAsync(code, request, scope, cancellationToken) switch
        {
            (_, { } errors) => TypedResults.ValidationProblem(errors),
            var (tariff, _) => TypedResults.Ok(tariff!),
        };
    }

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem(title: "Not allowed", detail: "Tariff advice is for agents, dispatchers, managers, analysts and administrators.", statusCode: StatusCodes.Status403Forbidden);
}
