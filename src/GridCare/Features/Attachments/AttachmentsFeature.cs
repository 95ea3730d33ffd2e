using Microsoft.OpenApi;

namespace GridCare.Features.Attachments;

/// <summary>
/// Files on work orders — photos from crews and customers, size- and type-limited: upload, list and download for
/// staff under <c>/api/v1/work-orders/{number}/attachments</c>, expiring links for the portal, and the console's
/// and portal's upload fields (Pages/).
/// </summary>
public static class AttachmentsFeature
{
    public static IServiceCollection AddAttachments(this IServiceCollection services)
    {
        services.AddOptions<AttachmentsOptions>().BindConfiguration(AttachmentsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAttachmentStore, FileAttachmentStore>();
        services.AddSingleton<AttachmentLinks>();
        services.AddScoped<StageAttachment>();
        services.AddScoped<AttachToOrder>();
        services.AddScoped<UploadAttachment>();
        services.AddScoped<ListAttachments>();
        services.AddScoped<PortalAttachments>();
        services.AddScoped<AttachPortalPhotos>();
        return services;
    }

    public static IEndpointRouteBuilder MapAttachments(this IEndpointRouteBuilder app)
    {
        // Beside the order's own routes (WorkOrdersFeature): the literal segment outranks POST /{number}/{action}.
        var group = app.MapGroup("/api/v1/work-orders/{number}/attachments").WithTags("Work orders").RequireAuthorization(Platform.Auth.Policies.Staff);
        // The body is read as a stream, so the form is described here rather than inferred; declaring it with
        // Accepts() would make routing hand other content types to POST /{number}/{action} (a misleading 404).
        group.MapPost("/", AttachmentEndpoints.UploadAttachmentAsync)
            .WithName(nameof(UploadAttachment))
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = UploadForm();
                return Task.CompletedTask;
            })
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/", AttachmentEndpoints.ListAttachmentsAsync).WithName(nameof(ListAttachments));
        group.MapGet("/{id:guid}", AttachmentEndpoints.DownloadAttachmentAsync).WithName("DownloadAttachment");

        app.MapGet("/portal/attachments/{token}", AttachmentEndpoints.DownloadPortalAttachmentAsync)
            .WithName("DownloadPortalAttachment")
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The multipart form of an upload, for the OpenAPI document.</summary>
    private static OpenApiRequestBody UploadForm() => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "file" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["file"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.String,
                            Format = "binary",
                            Description = "JPEG, PNG, WebP, HEIC/HEIF or PDF as its bytes show, within GridCare:Attachments:MaxBytes.",
                        },
                        ["visibleToCustomer"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Boolean,
                            Description = "Whether the customer sees it on the portal; default false (internal).",
                        },
                    },
                },
            },
        },
    };
}
