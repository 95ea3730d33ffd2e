using GridCare.Features.Intake.Receiving;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.Intake;

public static class IntakeFeature
{
    public static IServiceCollection AddIntake(this IServiceCollection services)
    {
        services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ReceiveContact>();
        services.AddScoped<IdentifyCallers>();
        services.AddSingleton<OrderNumbers>();
        services.AddScoped<TakeInContacts>();
        services.AddSingleton<IntakeWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<IntakeWriter>());
        return services;
    }

    /// <summary><c>POST /api/v1/contacts</c>: one endpoint for every channel's contacts.</summary>
    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/contacts").WithTags("Intake").RequireAuthorization(Policies.Staff)
            .MapPost("/", ReceiveContactAsync).WithName(nameof(ReceiveContact));
        return app;
    }

    public static async Task<Results<Created<ContactReceived>, Ok<ContactReceived>, ValidationProblem>> ReceiveContactAsync(
        ContactRequest request, StaffScope scope, ReceiveContact handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return await handler.HandleAsync(request, scope, cancellationToken) switch
        {
            ReceiveContactResult.Created created => TypedResults.Created(
                created.Contact.Order is { } order ? $"/api/v1/work-orders/{order.Number}" : $"/api/v1/outages/{created.Contact.Outage!.Number}", created.Contact),
            ReceiveContactResult.AlreadyReceived earlier => TypedResults.Ok(earlier.Contact),
            ReceiveContactResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            _ => throw new InvalidOperationException("Unknown intake result."),
        };
    }
}
