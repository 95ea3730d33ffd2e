namespace GridCare.Features.Notifications;

/// <summary>How a message reaches a customer; WeChat and app push go through the same push gateway.</summary>
public enum NotificationChannel
{
    Sms,
    WeChat,
    AppPush,
    Email,
}

public enum NotificationStatus
{
    /// <summary>Waiting for the dispatcher: due now, later (backoff, quiet hours) or leased by an instance sending it.</summary>
    Pending,
    Sent,

    /// <summary>Given up after the configured number of attempts.</summary>
    Failed,

    /// <summary>Never sent: the customer opted out of non-emergency messages or has no address for the channel.</summary>
    Skipped,
}
