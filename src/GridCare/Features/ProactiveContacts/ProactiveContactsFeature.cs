using GridCare.Features.CustomerProfile;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.ProactiveContacts;

/// <summary>Customers to contact ahead of planned outages and hot transformers: <c>GET /api/v1/proactive-contacts</c> and the page /proactive-contacts.</summary>
public static class ProactiveContactsFeature
{
    public static IServiceCollection AddProactiveContacts(this IServiceCollection services) => services.AddScoped<ListProactiveContacts>();

    public static IEndpointRouteBuilder MapProactiveContacts(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/proactive-contacts").WithTags("ProactiveContacts").RequireAuthorization(Policies.Staff)
            .MapGet("/", ListAsync).WithName(nameof(ListProactiveContacts));
        return app;
    }

    /// <param name="scope">The caller.</param>
    /// <param name="handler">The use case.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="orgUnitId">The unit (default: the caller's) and the units below it.</param>
    /// <param name="aheadDays">Planned outages starting within this many days, 1 to 60 (default 7).</param>
    /// <param name="backDays">Transformers hot on the analysed days of this many days back, 0 to 31 (default 7).</param>
    /// <param name="limit">At most this many customers, 1 to 5,000.</param>
    public static async Task<Results<Ok<ProactiveContactsResponse>, ValidationProblem, ProblemHttpResult>> ListAsync(
        StaffScope scope, ListProactiveContacts handler, CancellationToken cancellationToken, int? orgUnitId = null, int aheadDays = 7, int backDays = 7, int limit = 500)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!InsightAccess.May(scope, InsightAccess.ProfileReaders))
        {
            return TypedResults.Problem(title: "Not allowed", detail: "Proactive contact lists are for agents, dispatchers, managers, analysts and administrators.", statusCode: StatusCodes.Status403Forbidden);
        }

        var errors = new Dictionary<string, string[]>();
        if (aheadDays is < 1 or > 60)
        {
            errors["aheadDays"] = ["aheadDays is from 1 to 60."];
        }

        if (backDays is < 0 or > 31)
        {
            errors["backDays"] = ["backDays is from 0 to 31."];
        }

        if (limit is < 1 or > 5000)
        {
            errors["limit"] = ["limit is from 1 to 5000."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await handler.HandleAsync(scope, orgUnitId, aheadDays, backDays, limit, cancellationToken) is { } list
            ? TypedResults.Ok(list)
            : TypedResults.Problem(title: "Org unit not found", detail: $"No org unit {orgUnitId} among yours.", statusCode: StatusCodes.Status404NotFound);
    }
}
