using System.ComponentModel.DataAnnotations;
using GridCare.Platform;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.Customers;

public static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/customers").WithTags("Customers").RequireAuthorization(Policies.Staff);
        group.MapGet("/", SearchCustomersAsync).WithName(nameof(SearchCustomers));
        group.MapGet("/{id:long}", GetCustomerAsync).WithName(nameof(GetCustomer));
        return group;
    }

    /// <param name="q">Account number, phone or meter number (exact or leading digits), or the start of a name.</param>
    /// <param name="page">1-based page number.</param>
    /// <param name="pageSize">Rows per page, 1 to 200.</param>
    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The use case.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    public static async Task<Ok<PagedResult<CustomerSummary>>> SearchCustomersAsync(
        StaffScope scope,
        SearchCustomers handler,
        CancellationToken cancellationToken,
        [StringLength(64)] string? q = null,
        [Range(1, 100_000)] int page = 1,
        [Range(1, 200)] int pageSize = 20)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return TypedResults.Ok(await handler.HandleAsync(new SearchCustomersRequest(q, page, pageSize), scope, cancellationToken));
    }

    public static async Task<Results<Ok<CustomerDetail>, ProblemHttpResult>> GetCustomerAsync(
        long id, StaffScope scope, GetCustomer handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var customer = await handler.HandleAsync(id, scope, cancellationToken);
        return customer is null
            ? TypedResults.Problem(title: "Customer not found", detail: $"No customer {id} in your org units.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(customer);
    }
}
