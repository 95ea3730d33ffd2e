using GridCare.Features.WorkOrders;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridCare.Features.Classification;

/// <summary>
/// Classification of customers' words (type, complaint class, flags) at <c>/api/v1/classify</c>, suggestions at
/// intake, agents' corrections kept for retraining, and the model lifecycle (<c>gridcare classify</c>, /classifier).
/// </summary>
public static class ClassificationFeature
{
    public static IServiceCollection AddClassification(this IServiceCollection services)
    {
        services.AddOptions<ClassifierOptions>().BindConfiguration(ClassifierOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ActiveClassifier>();
        services.AddSingleton<ClassifyText>();
        services.AddScoped<TrainClassifier>();
        services.AddScoped<GetClassifierStatus>();
        services.AddScoped<IWorkOrderChangeHandler, CorrectionOnReclassify>();
        services.AddHostedService<ClassifierStartup>();
        return services;
    }

    public static IEndpointRouteBuilder MapClassification(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/classify").WithTags("Classification").RequireAuthorization(Policies.Staff);
        group.MapPost("/", ClassifyAsync).WithName("Classify");
        group.MapPost("/batch", ClassifyBatchAsync).WithName("ClassifyBatch");
        group.MapGet("/model", GetModelAsync).WithName(nameof(GetClassifierStatus));
        return app;
    }

    /// <summary><c>{"text"}</c> → type, complaint class, confidence, flags, explanation, probabilities, needsReview, modelVersion.</summary>
    public static Results<Ok<ClassificationResponse>, ValidationProblem, ProblemHttpResult> ClassifyAsync(ClassifyRequest request, ClassifyText handler)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        return handler.Handle([request.Text], "text", batch: false) switch
        {
            ClassifyResult.Classified classified => TypedResults.Ok(ClassificationResponse.From(classified.Results[0])),
            ClassifyResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            _ => NoModel(),
        };
    }

    /// <summary><c>{"texts":[…]}</c> → one answer per text, in order.</summary>
    public static Results<Ok<ClassificationBatchResponse>, ValidationProblem, ProblemHttpResult> ClassifyBatchAsync(ClassifyBatchRequest request, ClassifyText handler)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        return handler.Handle(request.Texts, "texts", batch: true) switch
        {
            ClassifyResult.Classified classified => TypedResults.Ok(new ClassificationBatchResponse(
                [.. classified.Results.Select(ClassificationResponse.From)], classified.Results[0].ModelVersion)),
            ClassifyResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            _ => NoModel(),
        };
    }

    /// <summary>The active model and the stored versions (managers and administrators).</summary>
    public static async Task<Results<Ok<ClassifierStatus>, ForbidHttpResult>> GetModelAsync(StaffScope scope, GetClassifierStatus handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var status = await handler.HandleAsync(scope, cancellationToken);
        return status is null ? TypedResults.Forbid() : TypedResults.Ok(status);
    }

    private static ProblemHttpResult NoModel() => TypedResults.Problem(
        "The classifier has no model yet: the first start trains it from the corpus in the background. Try again in a few seconds.",
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Classifier not ready");
}
