namespace GridCare.Features.Notifications;

/// <summary>
/// What a feature asks to tell customers. <paramref name="EventKey"/> is the idempotency key: the same
/// (event, customer, channel) is stored once, however often the caller retries. <paramref name="Values"/> fill the
/// template's placeholders and are already formatted (times in China time).
/// </summary>
public sealed record NotificationRequest(
    string EventKey,
    string Template,
    IReadOnlyCollection<long> CustomerIds,
    IReadOnlyDictionary<string, string> Values,
    bool Emergency = false,
    string? SubjectType = null,
    string? SubjectId = null);
