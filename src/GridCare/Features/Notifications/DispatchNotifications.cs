using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Notifications;

/// <summary>
/// One round of the dispatcher: claim a batch of due messages, send each, record the outcome (ADR 0012).
/// </summary>
/// <remarks>
/// Claiming is a conditional UPDATE that sets a lease only on rows still pending and unleased. On PostgreSQL a second
/// instance's UPDATE waits for the first one's row locks and then re-checks the condition against the committed
/// row, so it skips rows the first one took; SQLite runs one writer at a time. Every outcome is written only while
/// this round still holds the lease, so a row is recorded Sent once.
/// </remarks>
public sealed partial class DispatchNotifications(
    AppDbContext db, IEnumerable<INotificationSender> senders, IOptions<NotificationsOptions> options, TimeProvider time, ILogger<DispatchNotifications> logger)
{
    /// <returns>The number of messages claimed (sent, failed or put back for quiet hours).</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var messages = db.Set<NotificationMessage>();
        var due = await messages
            .Where(m => m.Status == NotificationStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var owner = Guid.NewGuid().ToString("N");
        var leaseUntil = now + settings.Lease;
        await messages
            .Where(m => due.Contains(m.Id) && m.Status == NotificationStatus.Pending && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, owner).SetProperty(m => m.LeaseUntil, leaseUntil), cancellationToken);
        var claimed = await messages.AsNoTracking().Where(m => m.LeaseOwner == owner).OrderBy(m => m.Id).ToListAsync(cancellationToken);

        foreach (var message in claimed)
        {
            await DeliverAsync(message, owner, settings, cancellationToken);
        }

        return claimed.Count;
    }

    private async Task DeliverAsync(NotificationMessage message, string owner, NotificationsOptions settings, CancellationToken cancellationToken)
    {
        var messages = db.Set<NotificationMessage>().Where(m => m.Id == message.Id && m.LeaseOwner == owner);
        var now = time.GetUtcNow().UtcDateTime;

        // A non-emergency message that fell due inside quiet hours (a backlog, a retry) waits for their end.
        var allowed = message.EarliestSendTime(now);
        if (allowed > now)
        {
            await messages.ExecuteUpdateAsync(
                s => s.SetProperty(m => m.NextAttemptAt, allowed).SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTime?)null),
                cancellationToken);
            return;
        }

        var sender = senders.First(s => s.Handles(message.Channel));
        var attempts = message.Attempts + 1;
        try
        {
            var providerId = await sender.SendAsync(message, cancellationToken);
            var sentAt = time.GetUtcNow().UtcDateTime;
            await messages.ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, NotificationStatus.Sent).SetProperty(m => m.Attempts, attempts).SetProperty(m => m.SentAt, sentAt)
                    .SetProperty(m => m.ProviderMessageId, providerId).SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTime?)null),
                CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
            var failed = attempts >= settings.MaxAttempts;
            var next = failed ? now : message.EarliestSendTime(now + settings.BackoffAfter(attempts));
            LogFailed(logger, message.Id, message.Channel, attempts, failed, error);
            await messages.ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, failed ? NotificationStatus.Failed : NotificationStatus.Pending).SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTime?)null),
                CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Id} ({Channel}) attempt {Attempts} failed (given up: {GivenUp}): {Error}")]
    private static partial void LogFailed(ILogger logger, long id, NotificationChannel channel, int attempts, bool givenUp, string error);
}
