namespace GridCare.Features.Notifications;

/// <summary>
/// One outbox row: a rendered message to one customer on one channel, stored in the transaction of the change that
/// caused it and delivered afterwards by <see cref="NotificationDispatcher"/>. (EventKey, CustomerId, Channel) is
/// unique, so the same event never yields a second message.
/// </summary>
public sealed class NotificationMessage
{
    private NotificationMessage()
    {
        EventKey = string.Empty;
        Template = string.Empty;
        Language = string.Empty;
        Subject = string.Empty;
        Text = string.Empty;
    }

    /// <summary>Why a message was skipped: the customer takes emergencies only, or no campaigns and surveys, or has no address.</summary>
    public const string OptedOut = "opted-out";

    public const string OptedOutOfMarketing = "opted-out-marketing";

    public const string NoRecipient = "no-recipient";

    public long Id { get; private set; }

    public string EventKey { get; private set; }

    public string Template { get; private set; }

    public long CustomerId { get; private set; }

    /// <summary>The customer's org unit, copied so staff queries filter by scope without a join.</summary>
    public int OrgUnitId { get; private set; }

    public NotificationChannel Channel { get; private set; }

    /// <summary>Phone, WeChat openid, app user id or email address, as the preferences said at enqueue time.</summary>
    public string? Recipient { get; private set; }

    public string Language { get; private set; }

    /// <summary>The title of an email or push message.</summary>
    public string Subject { get; private set; }

    public string Text { get; private set; }

    public string? SubjectType { get; private set; }

    public string? SubjectId { get; private set; }

    public bool Emergency { get; private set; }

    public NotificationStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    /// <summary>The customer's quiet hours in minutes after midnight China time; null for emergencies and when off.</summary>
    public int? QuietStartMinute { get; private set; }

    public int? QuietEndMinute { get; private set; }

    /// <summary>The dispatcher instance holding the row while it sends it, until <see cref="LeaseUntil"/>.</summary>
    public string? LeaseOwner { get; private set; }

    public DateTime? LeaseUntil { get; private set; }

    public DateTime? SentAt { get; private set; }

    public string? ProviderMessageId { get; private set; }

    /// <summary>When the gateway reported the message delivered to the device (SMS and push gateways report it; SMTP does not).</summary>
    public DateTime? DeliveredAt { get; private set; }

    /// <summary>When the gateway reported the message read (WeChat and app push only).</summary>
    public DateTime? ReadAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Our id as the gateways see it; they drop a second message with the same id.</summary>
    public string DeliveryId => "gc-n-" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static NotificationMessage Create(
        NotificationRequest request, OutboxTarget target, NotificationChannel channel, string? recipient, RenderedMessage rendered, DateTime nowUtc)
    {
        var quiet = !request.Emergency && target.QuietHoursEnabled;
        var message = new NotificationMessage
        {
            EventKey = request.EventKey,
            Template = request.Template,
            CustomerId = target.CustomerId,
            OrgUnitId = target.OrgUnitId,
            Channel = channel,
            Recipient = recipient,
            Language = rendered.Language,
            Subject = rendered.Subject,
            Text = channel == NotificationChannel.Sms ? rendered.SignedText : rendered.Text,
            SubjectType = request.SubjectType,
            SubjectId = request.SubjectId,
            Emergency = request.Emergency,
            Status = NotificationStatus.Pending,
            CreatedAt = nowUtc,
            QuietStartMinute = quiet ? target.QuietStartMinute : null,
            QuietEndMinute = quiet ? target.QuietEndMinute : null,
        };
        message.NextAttemptAt = message.EarliestSendTime(nowUtc);
        if (recipient is null)
        {
            message.Skip(NoRecipient);
        }
        else if (!request.Emergency && target.OptedOut)
        {
            message.Skip(OptedOut);
        }
        else if (request.Marketing && target.OptedOutOfMarketing)
        {
            message.Skip(OptedOutOfMarketing);
        }

        return message;
    }

    /// <summary>The first instant at or after <paramref name="utc"/> outside the customer's quiet hours.</summary>
    public DateTime EarliestSendTime(DateTime utc) =>
        QuietStartMinute is { } start && QuietEndMinute is { } end ? QuietHours.EndOf(utc, start, end) : utc;

    private void Skip(string reason)
    {
        Status = NotificationStatus.Skipped;
        LastError = reason;
    }
}
