namespace GridCare.Features.Notifications;

/// <summary>
/// What a feature asks to tell customers. <paramref name="EventKey"/> is the idempotency key: the same
/// (event, customer, channel) is stored once, however often the caller retries. <paramref name="Values"/> fill the
/// template's placeholders and are already formatted (times in China time). <paramref name="LanguageValues"/> add
/// values per language (a campaign's own text in zh-CN and English) and <paramref name="RecipientValues"/> per
/// customer (a signed survey link), each over the ones before. <paramref name="Marketing"/> messages (campaigns,
/// surveys) are skipped for customers who opted out of them.
/// </summary>
public sealed record NotificationRequest(
    string EventKey,
    string Template,
    IReadOnlyCollection<long> CustomerIds,
    IReadOnlyDictionary<string, string> Values,
    bool Emergency = false,
    string? SubjectType = null,
    string? SubjectId = null,
    bool Marketing = false,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? LanguageValues = null,
    IReadOnlyDictionary<long, IReadOnlyDictionary<string, string>>? RecipientValues = null);
