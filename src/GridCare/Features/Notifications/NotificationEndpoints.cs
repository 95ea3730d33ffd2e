using System.ComponentModel.DataAnnotations;
using GridCare.Domain.Staff;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Notifications;

public static class NotificationEndpoints
{
    /// <summary>Agents record what customers ask for on the phone; administrators correct it.</summary>
    public static readonly IReadOnlyList<StaffRole> PreferenceEditors = [StaffRole.Agent, StaffRole.Admin];

    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var preferences = app.MapGroup("/api/v1/customers/{id:long}/notification-preferences").WithTags("Notifications").RequireAuthorization(Policies.Staff);
        preferences.MapGet("/", GetNotificationPreferencesAsync).WithName("GetNotificationPreferences");
        preferences.MapPut("/", EditNotificationPreferencesAsync).WithName(nameof(EditNotificationPreferences));

        var notifications = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization(Policies.Staff);
        notifications.MapGet("/", ListNotificationsAsync).WithName("ListNotifications");

        // The gateways call back without a user: their signature is the authentication.
        app.MapPost("/api/v1/notifications/receipts", RecordDeliveryReceiptAsync).WithTags("Notifications").AllowAnonymous().WithName(nameof(RecordDeliveryReceipt));
        return app;
    }

    /// <summary>A delivery or read receipt from the SMS or push gateway (see <see cref="DeliveryReceipt"/>), signed like our calls to it.</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RecordDeliveryReceiptAsync(
        HttpRequest request, GatewayCallbacks callbacks, RecordDeliveryReceipt handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callbacks);
        ArgumentNullException.ThrowIfNull(handler);
        if (await callbacks.ReadSignedAsync(request, cancellationToken) is not { } body)
        {
            return GatewayCallbacks.NotSigned();
        }

        return await handler.HandleAsync(body, cancellationToken) switch
        {
            (ReceiptOutcome.Recorded, _) => TypedResults.NoContent(),
            (ReceiptOutcome.Invalid, var errors) => TypedResults.ValidationProblem(errors),
            _ => TypedResults.Problem(title: "Message not found", detail: "No sent message with that delivery id.", statusCode: StatusCodes.Status404NotFound),
        };
    }

    public static async Task<Results<Ok<NotificationPreferencesResponse>, ProblemHttpResult>> GetNotificationPreferencesAsync(
        long id, StaffScope scope, AppDbContext db, EditNotificationPreferences handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (await CheckAsync(id, scope, db, cancellationToken) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok((await handler.GetAsync(id, cancellationToken))!);
    }

    public static async Task<Results<Ok<NotificationPreferencesResponse>, ValidationProblem, ProblemHttpResult>> EditNotificationPreferencesAsync(
        long id, NotificationPreferencesRequest request, StaffScope scope, AppDbContext db, EditNotificationPreferences handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(scope);
        if (await CheckAsync(id, scope, db, cancellationToken) is { } problem)
        {
            return problem;
        }

        return await handler.SaveAsync(id, request, scope.UserName, cancellationToken) switch
        {
            EditPreferencesResult.Saved saved => TypedResults.Ok(saved.Preferences),
            EditPreferencesResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }

    /// <param name="scope">The caller's org units and roles.</param>
    /// <param name="db">The database.</param>
    /// <param name="cancellationToken">Request aborted.</param>
    /// <param name="subjectType">What the messages are about, e.g. <c>outage</c>; with subjectId.</param>
    /// <param name="subjectId">The id of the subject.</param>
    /// <param name="customerId">The customer the messages went to.</param>
    /// <param name="limit">At most this many messages, newest first (1 to 10,000).</param>
    public static async Task<Results<Ok<IReadOnlyList<NotificationDelivery>>, ValidationProblem>> ListNotificationsAsync(
        StaffScope scope,
        AppDbContext db,
        CancellationToken cancellationToken,
        [StringLength(32)] string? subjectType = null,
        [StringLength(64)] string? subjectId = null,
        long? customerId = null,
        [Range(1, 10_000)] int limit = 1000)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrWhiteSpace(subjectType) != string.IsNullOrWhiteSpace(subjectId))
        {
            var missing = string.IsNullOrWhiteSpace(subjectType) ? "subjectType" : "subjectId";
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [missing] = ["subjectType and subjectId go together."] });
        }

        if (string.IsNullOrWhiteSpace(subjectType) && customerId is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["customerId"] = ["Give customerId, or subjectType and subjectId."] });
        }

        var visible = scope.VisibleOrgUnitIds.ToList();
        var messages = db.Set<NotificationMessage>().Where(m => visible.Contains(m.OrgUnitId));
        if (!string.IsNullOrWhiteSpace(subjectType))
        {
            messages = messages.Where(m => m.SubjectType == subjectType && m.SubjectId == subjectId);
        }

        if (customerId is { } customer)
        {
            messages = messages.Where(m => m.CustomerId == customer);
        }

        return TypedResults.Ok<IReadOnlyList<NotificationDelivery>>(await NotificationQueries.Deliveries(messages).Take(limit).ToListAsync(cancellationToken));
    }

    private static async Task<ProblemHttpResult?> CheckAsync(long customerId, StaffScope scope, AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!PreferenceEditors.Any(scope.IsIn))
        {
            return TypedResults.Problem(
                title: "Not your step",
                detail: $"Notification preferences are kept by {string.Join(", ", PreferenceEditors.Select(StaffRoles.NameOf))}.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        var orgUnit = await db.Customers.Where(c => c.Id == customerId).Select(c => (int?)c.OrgUnitId).FirstOrDefaultAsync(cancellationToken);
        return orgUnit is { } unit && scope.Sees(unit)
            ? null
            : TypedResults.Problem(title: "Customer not found", detail: $"No customer {customerId} in your org units.", statusCode: StatusCodes.Status404NotFound);
    }
}
