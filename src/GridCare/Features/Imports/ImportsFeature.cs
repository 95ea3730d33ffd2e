using GridCare.Features.Customers;
using GridCare.Features.Network;
using GridCare.Features.Organization;
using GridCare.Platform.Auth;
using GridCare.Platform.Imports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.Imports;

public sealed record ImportSummary(int Created, int Updated, int Unchanged);

/// <summary>
/// <c>POST /api/v1/imports/{org-units|network|customers}</c> with a <c>text/csv</c> body: the same imports as
/// <c>gridcare import</c>, for administrators. A file with any bad row answers 422 naming every bad line and column
/// and stores nothing.
/// </summary>
public static class ImportsFeature
{
    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/imports").WithTags("Imports").RequireAuthorization(Policies.Admin);
        group.MapPost("/org-units", ImportOrgUnitsAsync).WithName(nameof(ImportOrgUnits)).Accepts<string>("text/csv");
        group.MapPost("/network", ImportNetworkAsync).WithName(nameof(ImportNetwork)).Accepts<string>("text/csv");
        group.MapPost("/customers", ImportCustomersAsync).WithName(nameof(ImportCustomers)).Accepts<string>("text/csv");
        return app;
    }

    public static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> ImportOrgUnitsAsync(HttpRequest request, ImportOrgUnits handler, string? fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        return ToResult(await handler.HandleAsync(request.Body, fileName ?? "org-units.csv", cancellationToken));
    }

    public static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> ImportNetworkAsync(HttpRequest request, ImportNetwork handler, string? fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        return ToResult(await handler.HandleAsync(request.Body, fileName ?? "network.csv", cancellationToken));
    }

    public static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> ImportCustomersAsync(HttpRequest request, ImportCustomers handler, string? fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        return ToResult(await handler.HandleAsync(request.Body, fileName ?? "customers.csv", cancellationToken));
    }

    private static Results<Ok<ImportSummary>, ProblemHttpResult> ToResult(ImportResult result) => result.Succeeded
        ? TypedResults.Ok(new ImportSummary(result.Created, result.Updated, result.Unchanged))
        : TypedResults.Problem(
            title: "The file was rejected; nothing was imported",
            detail: string.Join("\n", result.Errors.Take(50)),
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });
}
