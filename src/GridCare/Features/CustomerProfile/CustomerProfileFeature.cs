using GridCare.Analytics.Segmentation;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.CustomerProfile;

/// <summary>
/// The customer 360° view: <c>GET /api/v1/customers/{id}/profile</c>, the page /customers/{id}/360 and the compact
/// panel beside every identified contact on the intake page.
/// </summary>
public static class CustomerProfileFeature
{
    public static IServiceCollection AddCustomerProfile(this IServiceCollection services)
    {
        services.AddSingleton<LoadProfileReader>();
        services.AddSingleton<HotTransformerReader>();
        services.AddScoped<GetCustomerProfile>();
        return services;
    }

    public static IEndpointRouteBuilder MapCustomerProfile(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/customers").WithTags("CustomerProfile").RequireAuthorization(Policies.Staff)
            .MapGet("/{id:long}/profile", GetProfileAsync).WithName(nameof(GetCustomerProfile));
        return app;
    }

    /// <summary>The 360° profile; field crews are refused, and a customer outside the caller's units is not found.</summary>
    public static async Task<Results<Ok<CustomerProfileResponse>, ProblemHttpResult>> GetProfileAsync(
        long id, StaffScope scope, GetCustomerProfile handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!InsightAccess.May(scope, InsightAccess.ProfileReaders))
        {
            return TypedResults.Problem(title: "Not allowed", detail: "Customer profiles are for agents, dispatchers, managers, analysts and administrators.", statusCode: StatusCodes.Status403Forbidden);
        }

        return await handler.HandleAsync(id, scope, cancellationToken) is { } profile
            ? TypedResults.Ok(profile)
            : TypedResults.Problem(title: "Customer not found", detail: $"No customer {id} in your org units.", statusCode: StatusCodes.Status404NotFound);
    }
}
