using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace GridCare.Platform.OpenApi;

public static class OpenApiExtensions
{
    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c>, with the bearer scheme that <c>/api/v1/auth/token</c> issues.</summary>
    public static IServiceCollection AddGridCareOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "GridCare API",
                Version = "v1",
                Description = "Customer service for electricity distribution utilities. Get a token from POST /api/v1/auth/token and send it as 'Authorization: Bearer <token>'.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Token from POST /api/v1/auth/token",
            };
            return Task.CompletedTask;
        }));

    public static IEndpointRouteBuilder MapGridCareOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(o => o.WithTitle("GridCare API")).AllowAnonymous();
        return app;
    }
}
