using System.Runtime.CompilerServices;
using GridCare.Platform.Database;
using GridCare.Platform.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Notifications;

/// <summary>
/// The transactional outbox (ADR 0012): a feature adds its notifications to its own context and saves them with the
/// change that causes them, so a message exists exactly when the change committed. Nothing is sent here; the
/// <see cref="NotificationDispatcher"/> sends after the commit, and is woken by the save.
/// </summary>
/// <remarks>
/// A retried enqueue of the same event adds nothing: the event's stored and tracked (customer, channel) pairs are
/// read first. Two transactions enqueueing the same new event at the same moment both pass that check; the unique
/// index on (EventKey, CustomerId, Channel) then fails the later commit, which the caller sees as a failed save
/// and retries — and the retry finds the rows and adds nothing.
/// </remarks>
public static class NotificationOutbox
{
    private static readonly ConditionalWeakTable<DbContext, object> Subscribed = [];

    /// <summary>Adds one message per (customer, channel) of the customers' preferences to <paramref name="db"/>; the caller saves.</summary>
    /// <returns>The number of messages added (skipped ones included: they record why nothing was sent).</returns>
    public static int Enqueue(AppDbContext db, NotificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(db);
        Validate(request);
        var ids = request.CustomerIds.Distinct().ToList();
        var existing = ExistingQuery(db, request.EventKey).AsEnumerable().Select(k => (k.CustomerId, k.Channel));
        return Add(db, request, TargetsQuery(db, ids).ToList(), existing);
    }

    /// <inheritdoc cref="Enqueue"/>
    public static async Task<int> EnqueueAsync(AppDbContext db, NotificationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        Validate(request);
        var ids = request.CustomerIds.Distinct().ToList();
        var existing = await ExistingQuery(db, request.EventKey).ToListAsync(cancellationToken);
        var targets = await TargetsQuery(db, ids).ToListAsync(cancellationToken);
        return Add(db, request, targets, existing.Select(k => (k.CustomerId, k.Channel)));
    }

    private static void Validate(NotificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.EventKey);
        ArgumentNullException.ThrowIfNull(request.CustomerIds);
        ArgumentNullException.ThrowIfNull(request.Values);
        if (request.EventKey.Length > 200)
        {
            throw new ArgumentException("An event key has at most 200 characters.", nameof(request));
        }

        if (!NotificationTemplates.Keys.Contains(request.Template))
        {
            throw new ArgumentException($"No notification template '{request.Template}'.", nameof(request));
        }
    }

    private static IQueryable<ExistingKey> ExistingQuery(AppDbContext db, string eventKey) =>
        db.Set<NotificationMessage>().AsNoTracking().Where(m => m.EventKey == eventKey).Select(m => new ExistingKey(m.CustomerId, m.Channel));

    // One query for all customers, however many: their phone, org unit and preferences (if any).
    private static IQueryable<OutboxTargetRow> TargetsQuery(AppDbContext db, List<long> ids) =>
        from c in db.Customers.AsNoTracking()
        where ids.Contains(c.Id)
        join p in db.Set<NotificationPreference>().AsNoTracking() on c.Id equals p.CustomerId into preferences
        from p in preferences.DefaultIfEmpty()
        select new OutboxTargetRow(c.Id, c.OrgUnitId, c.Phone, p);

    private static int Add(AppDbContext db, NotificationRequest request, List<OutboxTargetRow> rows, IEnumerable<(long CustomerId, NotificationChannel Channel)> stored)
    {
        var services = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        var now = (services?.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var sender = services?.GetService<IOptions<SmsOptions>>()?.Value.SenderName ?? new SmsOptions().SenderName;

        var taken = stored.ToHashSet();
        foreach (var tracked in db.ChangeTracker.Entries<NotificationMessage>().Where(e => e.Entity.EventKey == request.EventKey))
        {
            taken.Add((tracked.Entity.CustomerId, tracked.Entity.Channel));
        }

        // One rendering per language serves every customer without values of their own (a signed link).
        var rendered = new Dictionary<string, RenderedMessage>(StringComparer.Ordinal);
        var added = 0;
        foreach (var row in rows)
        {
            var target = OutboxTarget.From(row);
            var own = request.RecipientValues?.GetValueOrDefault(target.CustomerId);
            if (own is not null || !rendered.TryGetValue(target.Language, out var text))
            {
                text = NotificationTemplates.Render(request.Template, target.Language, ValuesFor(request, target.Language, own), sender);
                if (own is null)
                {
                    rendered[target.Language] = text;
                }
            }

            foreach (var channel in target.Channels)
            {
                if (taken.Add((target.CustomerId, channel)))
                {
                    db.Add(NotificationMessage.Create(request, target, channel, target.RecipientOn(channel), text, now));
                    added++;
                }
            }
        }

        if (added > 0)
        {
            WakeDispatcherAfterSave(db, services);
        }

        return added;
    }

    private static IReadOnlyDictionary<string, string> ValuesFor(NotificationRequest request, string language, IReadOnlyDictionary<string, string>? own)
    {
        var localized = request.LanguageValues?.GetValueOrDefault(NotificationTemplates.LanguageOf(language));
        if (localized is null && own is null)
        {
            return request.Values;
        }

        var values = new Dictionary<string, string>(request.Values, StringComparer.Ordinal);
        foreach (var (key, value) in (localized ?? new Dictionary<string, string>()).Concat(own ?? new Dictionary<string, string>()))
        {
            values[key] = value;
        }

        return values;
    }

    private static void WakeDispatcherAfterSave(AppDbContext db, IServiceProvider? services)
    {
        if (services?.GetService<NotificationSignal>() is not { } signal || Subscribed.TryGetValue(db, out _))
        {
            return;
        }

        Subscribed.Add(db, signal);
        db.SavedChanges += (_, _) => signal.Wake();
    }

    private sealed record ExistingKey(long CustomerId, NotificationChannel Channel);
}

internal sealed record OutboxTargetRow(long CustomerId, int OrgUnitId, string? Phone, NotificationPreference? Preference);

internal sealed record OutboxTarget(
    long CustomerId,
    int OrgUnitId,
    IReadOnlyList<NotificationChannel> Channels,
    string? Phone,
    NotificationPreference? Preference,
    string Language,
    bool QuietHoursEnabled,
    int QuietStartMinute,
    int QuietEndMinute,
    bool OptedOut,
    bool OptedOutOfMarketing)
{
    public static OutboxTarget From(OutboxTargetRow row)
    {
        var p = row.Preference;
        return new OutboxTarget(
            row.CustomerId,
            row.OrgUnitId,
            p?.ChannelOrder() ?? [NotificationChannel.Sms],
            string.IsNullOrWhiteSpace(p?.Phone) ? row.Phone : p.Phone,
            p,
            p?.Language ?? NotificationPreference.DefaultLanguage,
            p?.QuietHoursEnabled ?? true,
            p?.QuietStartMinute ?? QuietHours.DefaultStartMinute,
            p?.QuietEndMinute ?? QuietHours.DefaultEndMinute,
            p?.OptOutNonEmergency ?? false,
            p?.OptOutMarketing ?? false);
    }

    public string? RecipientOn(NotificationChannel channel) => NullIfBlank(channel switch
    {
        NotificationChannel.Sms => Phone,
        NotificationChannel.WeChat => Preference?.WeChatOpenId,
        NotificationChannel.AppPush => Preference?.AppUserId,
        NotificationChannel.Email => Preference?.Email,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    });

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
