using System.Diagnostics;

namespace GridCare.Platform.Errors;

public static class ErrorsServiceCollectionExtensions
{
    /// <summary>RFC 9457 problem details for every error response, each carrying the request's trace id.</summary>
    public static IServiceCollection AddErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        return services;
    }
}
