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
        services.AddScoped<GetDeviceImpact>();
        services.AddScoped<ImportOpenDss>();
        services.AddOptions<NetworkOptions>().BindConfiguration(NetworkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NetworkTopologyCache>();
        return services;
    }

    public static IEndpointRouteBuilder MapNetwork(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/network").WithTags("Network").RequireAuthorization(Policies.Staff);
        group.MapGet("/feeders", ListFeedersAsync).WithName(nameof(ListFeeders));
        group.MapGet("/transformers", ListTransformersAsync).WithName(nameof(ListTransformers));
        group.MapGet("/devices/{code}/impact", GetDeviceImpactAsync).WithName(nameof(GetDeviceImpact));
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

    /// <summary>Who loses supply when the device is de-energised, with more switches opened at the same time.</summary>
    /// <param name="code">The device code (a meter's code is its meter number).</param>
    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="handler">The use case.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="switchedOff">Comma-separated codes of further devices switched off (their areas are added).</param>
    public static async Task<Results<Ok<DeviceImpactResponse>, NotFound, ValidationProblem>> GetDeviceImpactAsync(
        [StringLength(64)] string code,
        StaffScope scope,
        GetDeviceImpact handler,
        CancellationToken cancellationToken,
        [StringLength(4000)] string? switchedOff = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var codes = (switchedOff ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["switchedOff"] = ["At most 100 devices may be switched off at once."] });
        }

        return await handler.HandleAsync(code, codes, scope, cancellationToken) switch
        {
            DeviceImpactResult.Found found => TypedResults.Ok(found.Impact),
            DeviceImpactResult.UnknownSwitchedOff unknown => TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["switchedOff"] = [$"No device with the code {string.Join(", ", unknown.Codes)}."],
            }),
            _ => TypedResults.NotFound(),
        };
    }
}
