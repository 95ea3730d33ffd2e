using System.ComponentModel.DataAnnotations;
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
        services.AddOptions<NetworkOptions>().BindConfiguration(NetworkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NetworkTopologyCache>();
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

    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The use case.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="feederId">Only transformers on this feeder (directly or behind its branch switches).</param>
    /// <param name="q">The start of the transformer code or name.</param>
    /// <param name="page">1-based page number.</param>
    /// <param name="pageSize">Rows per page, 1 to 500.</param>
    public static async Task<Ok<PagedResult<TransformerSummary>>> ListTransformersAsync(
        StaffScope scope,
        ListTransformers handler,
        CancellationToken cancellationToken,
        long? feederId = null,
        [StringLength(64)] string? q = null,
        [Range(1, 100_000)] int page = 1,
        [Range(1, 500)] int pageSize = 50)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return TypedResults.Ok(await handler.HandleAsync(new ListTransformersRequest(feederId, q, page, pageSize), scope, cancellationToken));
    }
}
