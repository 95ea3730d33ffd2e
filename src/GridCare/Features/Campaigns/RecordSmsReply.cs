using System.Text.Json;
using GridCare.Features.Notifications;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Campaigns;

/// <summary>An SMS a customer sent back, as the gateway posts it: its id, the sender's phone, the text and when.</summary>
public sealed record SmsReply(string? Id, string? From, string? Text, DateTimeOffset? At);

public enum SmsReplyOutcome
{
    /// <summary>Recorded as a reply to (or an opt-out from) the campaign last texted to that phone.</summary>
    Recorded,

    /// <summary>An opt-out from a phone no campaign texted: the accounts with that phone are opted out all the same.</summary>
    OptedOutWithoutCampaign,

    /// <summary>Neither an opt-out nor an answer to a campaign; nothing to record.</summary>
    Ignored,

    /// <summary>The gateway posted this reply before.</summary>
    Duplicate,

    Invalid,
}

/// <summary>
/// SMS replies: "TD", "T", "退订" (and the like) opt the accounts with that phone out of campaigns and surveys (退订, as
/// Chinese marketing SMS must allow); anything else sent back is a response to the campaign last texted to the phone.
/// </summary>
public sealed class RecordSmsReply(AppDbContext db, TimeProvider time)
{
    public const int MaxText = 500;

    private static readonly HashSet<string> OptOutWords = new(StringComparer.OrdinalIgnoreCase) { "TD", "T", "N", "退订", "退定", "取消", "STOP", "UNSUBSCRIBE" };

    public static bool IsOptOut(string text) => OptOutWords.Contains(text.Trim().TrimEnd('.', '。', '!', '！'));

    public async Task<(SmsReplyOutcome Outcome, Dictionary<string, string[]> Errors)> HandleAsync(byte[] body, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        SmsReply? reply = null;
        try
        {
            reply = JsonSerializer.Deserialize<SmsReply>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            errors["body"] = [$"Not an SMS reply: {e.Message}"];
        }

        var from = reply?.From?.Trim();
        if (reply is not null && (string.IsNullOrEmpty(from) || from.Length > 32))
        {
            errors["from"] = ["The sender's phone is required (at most 32 characters)."];
        }

        if (reply is not null && (string.IsNullOrWhiteSpace(reply.Text) || reply.Text.Length > MaxText))
        {
            errors["text"] = [$"The text is required (at most {MaxText} characters)."];
        }

        if (reply?.Id is { Length: > 64 })
        {
            errors["id"] = ["At most 64 characters."];
        }

        if (reply is null || errors.Count > 0)
        {
            return (SmsReplyOutcome.Invalid, errors.Count > 0 ? errors : new() { ["body"] = ["Empty reply."] });
        }

        if (reply.Id is { } replyId && await db.Set<CampaignResponse>().AnyAsync(r => r.ReplyId == replyId, cancellationToken))
        {
            return (SmsReplyOutcome.Duplicate, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var at = reply.At?.UtcDateTime ?? now;
        var text = reply.Text!.Trim();
        var optOut = IsOptOut(text);

        // The campaign last texted to this phone, with the customer it went to.
        var last = await db.Set<NotificationMessage>().AsNoTracking()
            .Where(m => m.Recipient == from && m.Channel == NotificationChannel.Sms && m.Status == NotificationStatus.Sent && m.SubjectType == SendCampaign.SubjectType)
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)
            .Select(m => new { m.EventKey, m.CustomerId, m.OrgUnitId }).FirstOrDefaultAsync(cancellationToken);
        if (optOut)
        {
            await OptOutAsync(from!, last?.CustomerId, now, cancellationToken);
        }

        if (last is null)
        {
            await db.SaveChangesAsync(cancellationToken);
            return (optOut ? SmsReplyOutcome.OptedOutWithoutCampaign : SmsReplyOutcome.Ignored, errors);
        }

        var campaignId = long.Parse(last.EventKey.AsSpan(Campaign.EventKeyPrefix.Length), System.Globalization.CultureInfo.InvariantCulture);
        db.Add(CampaignResponse.Create(campaignId, last.CustomerId, last.OrgUnitId, optOut ? CampaignResponseKind.OptOut : CampaignResponseKind.Reply, text, reply.Id, at));
        await db.SaveChangesAsync(cancellationToken);
        return (SmsReplyOutcome.Recorded, errors);
    }

    /// <summary>Every account with the phone on record or in its preferences, and the customer the campaign texted.</summary>
    private async Task OptOutAsync(string phone, long? texted, DateTime now, CancellationToken cancellationToken)
    {
        var ids = await db.Customers.Where(c => c.Phone == phone).Select(c => c.Id)
            .Union(db.Set<NotificationPreference>().Where(p => p.Phone == phone).Select(p => p.CustomerId)).ToListAsync(cancellationToken);
        if (texted is { } id && !ids.Contains(id))
        {
            ids.Add(id);
        }

        var stored = await db.Set<NotificationPreference>().Where(p => ids.Contains(p.CustomerId)).ToDictionaryAsync(p => p.CustomerId, cancellationToken);
        foreach (var customerId in ids)
        {
            if (!stored.TryGetValue(customerId, out var preference))
            {
                preference = NotificationPreference.For(customerId);
                db.Add(preference);
            }

            preference.OptOutOfMarketing(now, "sms-reply");
        }
    }
}
