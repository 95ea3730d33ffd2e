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

    public static async Task<Ok<PagedResult<CustomerSummary>>> SearchCustomersAsync(
        [AsParameters] SearchCustomersRequest request, StaffScope scope, SearchCustomers handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return TypedResults.Ok(await handler.HandleAsync(request, scope, cancellationToken));
    }

    public static async Task<Results<Ok<CustomerDetail>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> GetCustomerAsync(
        long id, StaffScope scope, GetCustomer handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var customer = await handler.HandleAsync(id, scope, cancellationToken);
        return customer is null
            ? TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Title = "Customer not found", Detail = $"No customer {id} in your org units.", Status = 404 })
            : TypedResults.Ok(customer);
    }
}
