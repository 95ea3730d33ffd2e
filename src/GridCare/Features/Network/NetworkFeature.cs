using GridCare.Platform;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.Network;

public static class NetworkFeature
{
    public static IServiceCollection AddNetwork(this IServiceCollection services)
    {
        services.AddScoped<ListFeeders>();
        services.AddScoped<ListTransformers>();
        services.AddScoped<ImportNetwork>();
        return services;
    }

    public static IEndpointRouteBuilder MapNetwork(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/network").WithTags("Network").RequireAuthorization(Policies.Staff);
        group.MapGet("/feeders", ListFeedersAsync).WithName(nameof(ListFeeders));
        group.MapGet("/transformers", ListTransformersAsync).WithName(nameof(ListTransformers));
        return app;
    }

    public static async Task<Ok<IReadOnlyList<FeederSummary>>> ListFeedersAsync(StaffScope scope, ListFeeders handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return TypedResults.Ok(await handler.HandleAsync(scope, cancellationToken));
    }

    public static async Task<Ok<PagedResult<TransformerSummary>>> ListTransformersAsync(
        [AsParameters] ListTransformersRequest request, StaffScope scope, ListTransformers handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return TypedResults.Ok(await handler.HandleAsync(request, scope, cancellationToken));
    }
}
