using System.Globalization;
using GridCare.Domain.Sla;
using GridCare.Domain.Staff;
using GridCare.Features.ManagerDashboard;
using GridCare.Features.Notifications;
using GridCare.Features.Surveys;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace GridCare.Features.Campaigns;

/// <summary>
/// A campaign's results as an Excel workbook, like the dashboard's: a summary sheet with the figures of
/// <see cref="GetCampaignResults"/>, one row per channel, and one row per customer with what came of their messages,
/// their replies and their survey answer. Phones are masked for the roles that do not call customers, as everywhere.
/// </summary>
public sealed class ExportCampaignResults(AppDbContext db, GetCampaignResults results)
{
    public const string ContentType = ExportDashboard.ContentType;

    /// <returns>The workbook, or null when the campaign is not in the caller's units.</returns>
    public async Task<byte[]?> HandleAsync(long id, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (await results.HandleAsync(id, scope, cancellationToken) is not { } r)
        {
            return null;
        }

        var eventKey = Campaign.EventKeyOf(id);
        var messages = (await db.Set<NotificationMessage>().AsNoTracking().Where(m => m.EventKey == eventKey)
            .Select(m => new Message(m.CustomerId, m.Channel, m.Status, m.LastError, m.DeliveredAt != null, m.ReadAt != null)).ToListAsync(cancellationToken))
            .ToLookup(m => m.CustomerId);
        var responses = (await db.Set<CampaignResponse>().AsNoTracking().Where(x => x.CampaignId == id)
            .Select(x => new { x.CustomerId, x.Kind }).ToListAsync(cancellationToken)).ToLookup(x => x.CustomerId);
        var answers = await db.Set<SurveyInvitation>().AsNoTracking().Where(i => i.CampaignId == id)
            .ToDictionaryAsync(i => i.CustomerId, i => new { i.AnsweredAt, i.Csat, i.Nps, i.Comment }, cancellationToken);
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);

        var ids = messages.Select(g => g.Key).Order().ToList();
        var customers = new Dictionary<long, (string AccountNumber, string Name, string? Phone, int OrgUnitId)>();
        foreach (var chunk in ids.Chunk(1000))
        {
            foreach (var c in await db.Customers.AsNoTracking().Where(c => chunk.Contains(c.Id))
                .Select(c => new { c.Id, c.AccountNumber, c.Name, c.Phone, c.OrgUnitId }).ToListAsync(cancellationToken))
            {
                customers[c.Id] = (c.AccountNumber, c.Name, c.Phone, c.OrgUnitId);
            }
        }

        var rows = ids.Select(customerId =>
        {
            var c = customers.GetValueOrDefault(customerId);
            var answer = answers.GetValueOrDefault(customerId);
            return new
            {
                customer_id = customerId,
                account_number = c.AccountNumber,
                name = c.Name,
                phone = PersonalDataAccess.Phone(c.Phone, scope.Roles),
                unit = units.GetValueOrDefault(c.OrgUnitId),
                outcome = Outcome([.. messages[customerId]]),
                channels = string.Join("; ", messages[customerId].OrderBy(m => m.Channel).Select(Describe)),
                replies = responses[customerId].Count(x => x.Kind == CampaignResponseKind.Reply),
                opted_out_by_reply = responses[customerId].Any(x => x.Kind == CampaignResponseKind.OptOut),
                survey_answered_china_time = answer?.AnsweredAt is { } at ? Time(at) : null,
                csat = answer?.Csat,
                nps = answer?.Nps,
                comment = answer?.Comment,
            };
        }).ToList();

        var sheets = new Dictionary<string, object>
        {
            ["summary"] = new[]
            {
                new
                {
                    campaign = r.Campaign.Name,
                    kind = r.Campaign.Kind,
                    status = r.Campaign.Status,
                    unit = units.GetValueOrDefault(r.Campaign.OrgUnitId),
                    sent_china_time = r.Campaign.SentAt is { } sentAt ? Time(sentAt) : null,
                    recipients = r.Recipients,
                    sent = r.Sent,
                    delivered = r.Delivered,
                    read = r.Read,
                    pending = r.Pending,
                    failed = r.Failed,
                    skipped_opted_out = r.SkippedOptedOut,
                    skipped_no_channel = r.SkippedNoChannel,
                    responses = r.Responses,
                    replies = r.Replies,
                    opt_outs = r.OptOuts,
                    survey_answers = r.SurveyAnswers,
                    csat = r.Csat,
                    nps = r.Nps,
                },
            },
            ["channels"] = r.Channels.Select(c => new { channel = c.Channel, messages = c.Messages, pending = c.Pending, sent = c.Sent, delivered = c.Delivered, read = c.Read, failed = c.Failed, skipped = c.Skipped }).ToList(),
            ["customers"] = rows,
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    /// <summary>The furthest a customer's messages got, counted as the results count them.</summary>
    private static string Outcome(IReadOnlyList<Message> m) =>
        m.Any(x => x.Read) ? "read"
        : m.Any(x => x.Delivered) ? "delivered"
        : m.Any(x => x.Status == NotificationStatus.Sent) ? "sent"
        : m.Any(x => x.Status == NotificationStatus.Pending) ? "pending"
        : m.Any(x => x.Status == NotificationStatus.Failed) ? "failed"
        : m.Any(x => x.LastError is NotificationMessage.OptedOut or NotificationMessage.OptedOutOfMarketing) ? "skipped_opted_out"
        : "skipped_no_channel";

    private static string Describe(Message m) =>
        $"{ApiEnums.Name(m.Channel)}: {ApiEnums.Name(m.Status)}{(m.Status == NotificationStatus.Skipped ? $" ({m.LastError})" : string.Empty)}";

    private static string Time(DateTime utc) =>
        ChinaTime.ToCst(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private sealed record Message(long CustomerId, NotificationChannel Channel, NotificationStatus Status, string? LastError, bool Delivered, bool Read);
}
