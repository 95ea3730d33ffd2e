using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Notifications;

/// <summary>Delivery status of the messages about one subject (an outage) or to one customer, for pages and endpoints.</summary>
public static class NotificationQueries
{
    /// <summary>Every message about the subject, newest event first, then by customer and channel.</summary>
    public static async Task<IReadOnlyList<NotificationDelivery>> ForSubjectAsync(
        AppDbContext db, string subjectType, string subjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await Deliveries(db.Set<NotificationMessage>().Where(m => m.SubjectType == subjectType && m.SubjectId == subjectId))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The customer's messages, newest first.</summary>
    public static async Task<IReadOnlyList<NotificationDelivery>> ForCustomerAsync(
        AppDbContext db, long customerId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await Deliveries(db.Set<NotificationMessage>().Where(m => m.CustomerId == customerId))
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    internal static IQueryable<NotificationDelivery> Deliveries(IQueryable<NotificationMessage> messages) =>
        messages.AsNoTracking()
            .OrderByDescending(m => m.CreatedAt).ThenBy(m => m.CustomerId).ThenBy(m => m.Channel).ThenBy(m => m.Id)
            .Select(m => new NotificationDelivery(
                m.Id, m.CustomerId, m.OrgUnitId, m.Channel, m.Status, m.Attempts, m.SentAt, m.LastError,
                m.EventKey, m.Template, m.SubjectType, m.SubjectId, m.Emergency, m.CreatedAt, m.NextAttemptAt, m.ProviderMessageId));
}

/// <summary>One message's delivery: to whom, how, and how far it got. Times are UTC.</summary>
public sealed record NotificationDelivery(
    long Id,
    long CustomerId,
    int OrgUnitId,
    NotificationChannel Channel,
    NotificationStatus Status,
    int Attempts,
    DateTime? SentAt,
    string? Error,
    string EventKey,
    string Template,
    string? SubjectType,
    string? SubjectId,
    bool Emergency,
    DateTime CreatedAt,
    DateTime NextAttemptAt,
    string? ProviderMessageId);
