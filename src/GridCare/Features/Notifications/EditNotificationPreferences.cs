using System.Globalization;
using System.Net.Mail;
using GridCare.Platform;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Notifications;

/// <summary>A customer's notification preferences as the API and the portal read and write them (times as HH:mm, China time).</summary>
public sealed record NotificationPreferencesRequest(
    IReadOnlyList<string>? Channels,
    string? Phone,
    string? WeChatOpenId,
    string? AppUserId,
    string? Email,
    string? Language,
    bool? QuietHoursEnabled,
    string? QuietHoursStart,
    string? QuietHoursEnd,
    bool? OptOutNonEmergency,
    bool? OptOutMarketing = null);

public sealed record NotificationPreferencesResponse(
    long CustomerId,
    IReadOnlyList<string> Channels,
    string? Phone,
    string? WeChatOpenId,
    string? AppUserId,
    string? Email,
    string Language,
    bool QuietHoursEnabled,
    string QuietHoursStart,
    string QuietHoursEnd,
    bool OptOutNonEmergency,
    bool IsDefault,
    DateTime? UpdatedAt,
    bool OptOutMarketing = false);

public sealed record PortalAccount(long CustomerId, string AccountNumber, string Name);

public abstract record EditPreferencesResult
{
    public sealed record Saved(NotificationPreferencesResponse Preferences) : EditPreferencesResult;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : EditPreferencesResult;
}

/// <summary>Reads and replaces one customer's preferences; the caller has checked that it may (staff scope or the signed-in customer).</summary>
public sealed class EditNotificationPreferences(AppDbContext db, TimeProvider time)
{
    public async Task<NotificationPreferencesResponse?> GetAsync(long customerId, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => new { c.Phone }).FirstOrDefaultAsync(cancellationToken);
        if (customer is null)
        {
            return null;
        }

        var preference = await db.Set<NotificationPreference>().AsNoTracking().FirstOrDefaultAsync(p => p.CustomerId == customerId, cancellationToken);
        return ToResponse(customerId, preference, customer.Phone);
    }

    /// <summary>The accounts a portal customer may edit: those with their verified phone on record.</summary>
    public async Task<IReadOnlyList<PortalAccount>> AccountsWithPhoneAsync(string verifiedPhone, CancellationToken cancellationToken) =>
        await db.Customers.AsNoTracking().Where(c => c.Phone == verifiedPhone).OrderBy(c => c.AccountNumber)
            .Select(c => new PortalAccount(c.Id, c.AccountNumber, c.Name)).ToListAsync(cancellationToken);

    public async Task<EditPreferencesResult> SaveAsync(long customerId, NotificationPreferencesRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var phoneOnRecord = await db.Customers.Where(c => c.Id == customerId).Select(c => c.Phone).FirstOrDefaultAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var values = Validate(request, phoneOnRecord, errors);
        if (values is null)
        {
            return new EditPreferencesResult.Invalid(errors);
        }

        var preference = await db.Set<NotificationPreference>().FirstOrDefaultAsync(p => p.CustomerId == customerId, cancellationToken);
        if (preference is null)
        {
            preference = NotificationPreference.For(customerId);
            db.Add(preference);
        }

        preference.Change(values, time.GetUtcNow().UtcDateTime, actor);
        await db.SaveChangesAsync(cancellationToken);
        return new EditPreferencesResult.Saved(ToResponse(customerId, preference, phoneOnRecord));
    }

    private static NotificationPreferenceValues? Validate(NotificationPreferencesRequest request, string? phoneOnRecord, Dictionary<string, string[]> errors)
    {
        var channels = new List<NotificationChannel>();
        if (request.Channels is not { Count: > 0 })
        {
            errors["channels"] = ["Name at least one channel: sms, weChat, appPush or email."];
        }
        else
        {
            foreach (var name in request.Channels)
            {
                if (ApiEnums.Parse<NotificationChannel>(name, "channels", errors) is { } channel && !channels.Contains(channel))
                {
                    channels.Add(channel);
                }
            }
        }

        var phone = Trimmed(request.Phone, 32, "phone", errors);
        var openId = Trimmed(request.WeChatOpenId, 64, "weChatOpenId", errors);
        var appUserId = Trimmed(request.AppUserId, 64, "appUserId", errors);
        var email = Trimmed(request.Email, 256, "email", errors);
        Require(channels.Contains(NotificationChannel.Sms) && phone is null && string.IsNullOrWhiteSpace(phoneOnRecord), "phone", "SMS needs a phone number; the account has none.", errors);
        Require(channels.Contains(NotificationChannel.WeChat) && openId is null, "weChatOpenId", "WeChat needs the customer's openid.", errors);
        Require(channels.Contains(NotificationChannel.AppPush) && appUserId is null, "appUserId", "App push needs the customer's app user id.", errors);
        Require(channels.Contains(NotificationChannel.Email) && email is null, "email", "Email needs an address.", errors);
        Require(email is not null && !MailAddress.TryCreate(email, out _), "email", $"'{email}' is not an email address.", errors);
        Require(phone is not null && !phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' '), "phone", $"'{phone}' is not a phone number.", errors);

        var language = string.IsNullOrWhiteSpace(request.Language) ? NotificationPreference.DefaultLanguage : request.Language.Trim();
        Require(!NotificationTemplates.Languages.Contains(language), "language", $"'{language}' is not one of {string.Join(", ", NotificationTemplates.Languages)}.", errors);
        var start = Minute(request.QuietHoursStart, QuietHours.DefaultStartMinute, "quietHoursStart", errors);
        var end = Minute(request.QuietHoursEnd, QuietHours.DefaultEndMinute, "quietHoursEnd", errors);

        return errors.Count > 0
            ? null
            : new NotificationPreferenceValues(channels, phone, openId, appUserId, email, language, request.QuietHoursEnabled ?? true, start, end, request.OptOutNonEmergency ?? false, request.OptOutMarketing);
    }

    private static string? Trimmed(string? value, int maxLength, string field, Dictionary<string, string[]> errors)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        Require(trimmed?.Length > maxLength, field, $"At most {maxLength} characters.", errors);
        return trimmed;
    }

    private static int Minute(string? value, int fallback, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (TimeOnly.TryParseExact(value.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return (time.Hour * 60) + time.Minute;
        }

        errors[field] = [$"'{value}' is not a time of day as HH:mm."];
        return fallback;
    }

    private static void Require(bool failed, string field, string message, Dictionary<string, string[]> errors)
    {
        if (failed)
        {
            errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];
        }
    }

    internal static NotificationPreferencesResponse ToResponse(long customerId, NotificationPreference? preference, string? phoneOnRecord)
    {
        var p = preference ?? NotificationPreference.For(customerId);
        return new NotificationPreferencesResponse(
            customerId,
            [.. p.ChannelOrder().Select(ApiEnums.Name)],
            p.Phone ?? phoneOnRecord,
            p.WeChatOpenId,
            p.AppUserId,
            p.Email,
            p.Language,
            p.QuietHoursEnabled,
            Clock(p.QuietStartMinute),
            Clock(p.QuietEndMinute),
            p.OptOutNonEmergency,
            preference is null,
            preference?.UpdatedAt,
            p.OptOutMarketing);
    }

    private static string Clock(int minute) => new TimeOnly(minute / 60, minute % 60).ToString("HH:mm", CultureInfo.InvariantCulture);
}
