namespace GridCare.Features.Notifications;

/// <summary>
/// How one customer wants to be told: the channels in order, their addresses, the language and quiet hours.
/// A customer without a row gets the defaults: SMS to the phone on record, Chinese, quiet 22:00–07:00.
/// </summary>
public sealed class NotificationPreference
{
    public const string DefaultLanguage = "zh-CN";

    private NotificationPreference()
    {
        Channels = nameof(NotificationChannel.Sms);
        Language = DefaultLanguage;
    }

    public long CustomerId { get; private set; }

    /// <summary>Comma-separated channel names in the customer's order, e.g. <c>Sms,WeChat</c>.</summary>
    public string Channels { get; private set; }

    /// <summary>Phone for SMS when it differs from the account's phone; null uses the account's.</summary>
    public string? Phone { get; private set; }

    public string? WeChatOpenId { get; private set; }

    public string? AppUserId { get; private set; }

    public string? Email { get; private set; }

    /// <summary><c>zh-CN</c> or <c>en</c>.</summary>
    public string Language { get; private set; }

    public bool QuietHoursEnabled { get; private set; } = true;

    public int QuietStartMinute { get; private set; } = QuietHours.DefaultStartMinute;

    public int QuietEndMinute { get; private set; } = QuietHours.DefaultEndMinute;

    /// <summary>Only emergencies (unplanned outages) are sent; planned-outage notices and the like are skipped.</summary>
    public bool OptOutNonEmergency { get; private set; }

    /// <summary>No campaigns or surveys (退订): set by the customer in the portal, by an agent, or by an SMS reply "TD".</summary>
    public bool OptOutMarketing { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public string? UpdatedBy { get; private set; }

    public IReadOnlyList<NotificationChannel> ChannelOrder() => ParseChannels(Channels);

    public static NotificationPreference For(long customerId) => new() { CustomerId = customerId };

    public void Change(NotificationPreferenceValues values, DateTime nowUtc, string updatedBy)
    {
        ArgumentNullException.ThrowIfNull(values);
        Channels = string.Join(',', values.Channels);
        Phone = values.Phone;
        WeChatOpenId = values.WeChatOpenId;
        AppUserId = values.AppUserId;
        Email = values.Email;
        Language = values.Language;
        QuietHoursEnabled = values.QuietHoursEnabled;
        QuietStartMinute = values.QuietStartMinute;
        QuietEndMinute = values.QuietEndMinute;
        OptOutNonEmergency = values.OptOutNonEmergency;
        OptOutMarketing = values.OptOutMarketing ?? OptOutMarketing;
        UpdatedAt = nowUtc;
        UpdatedBy = updatedBy;
    }

    /// <summary>The customer asked for no more campaigns and surveys; everything else stays as it was.</summary>
    public void OptOutOfMarketing(DateTime nowUtc, string updatedBy)
    {
        OptOutMarketing = true;
        UpdatedAt = nowUtc;
        UpdatedBy = updatedBy;
    }

    internal static IReadOnlyList<NotificationChannel> ParseChannels(string? channels) =>
        string.IsNullOrWhiteSpace(channels)
            ? [NotificationChannel.Sms]
            : [.. channels.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => Enum.Parse<NotificationChannel>(c)).Distinct()];
}

/// <summary>Validated preference values (see <c>EditNotificationPreferences</c>); a null marketing opt-out keeps the stored one.</summary>
public sealed record NotificationPreferenceValues(
    IReadOnlyList<NotificationChannel> Channels,
    string? Phone,
    string? WeChatOpenId,
    string? AppUserId,
    string? Email,
    string Language,
    bool QuietHoursEnabled,
    int QuietStartMinute,
    int QuietEndMinute,
    bool OptOutNonEmergency,
    bool? OptOutMarketing = null);
