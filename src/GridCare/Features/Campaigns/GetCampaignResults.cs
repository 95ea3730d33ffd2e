using GridCare.Features.Notifications;
using GridCare.Features.Surveys;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Campaigns;

/// <summary>
/// A campaign's results from its outbox rows (status, gateway receipts), its SMS replies and its survey answers. A
/// customer counts once however many channels they prefer: sent when any message went out, delivered or read when any
/// gateway reported it, skipped when none was sent because they opted out or have no address.
/// </summary>
public sealed class GetCampaignResults(AppDbContext db)
{
    public async Task<CampaignResults?> HandleAsync(long id, StaffScope scope, CancellationToken cancellationToken)
    {
        if (await ListCampaigns.FindAsync(db, id, scope, cancellationToken) is not { } campaign)
        {
            return null;
        }

        var eventKey = campaign.EventKey;
        var messages = await db.Set<NotificationMessage>().AsNoTracking().Where(m => m.EventKey == eventKey)
            .Select(m => new Row(m.CustomerId, m.Channel, m.Status, m.LastError, m.DeliveredAt != null, m.ReadAt != null)).ToListAsync(cancellationToken);
        var responses = await db.Set<CampaignResponse>().AsNoTracking().Where(r => r.CampaignId == id)
            .GroupBy(r => r.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var answers = await db.Set<SurveyInvitation>().AsNoTracking().Where(i => i.CampaignId == id && i.AnsweredAt != null)
            .Select(i => new SurveyScoreInput(i.Csat, i.Nps)).ToListAsync(cancellationToken);

        var customers = messages.GroupBy(m => m.CustomerId).ToList();
        var sent = customers.Count(c => c.Any(m => m.Status == NotificationStatus.Sent));
        var skipped = customers.Where(c => c.All(m => m.Status == NotificationStatus.Skipped)).ToList();
        var optedOut = skipped.Count(c => c.Any(m => m.LastError is NotificationMessage.OptedOut or NotificationMessage.OptedOutOfMarketing));
        var replies = responses.Where(r => r.Key == CampaignResponseKind.Reply).Sum(r => r.Count);
        var optOuts = responses.Where(r => r.Key == CampaignResponseKind.OptOut).Sum(r => r.Count);
        var score = SurveyScore.Of(answers);
        return new CampaignResults(
            ListCampaigns.Summary(campaign),
            AudienceSpec.FromJson(campaign.Audience),
            customers.Count,
            customers.Count(c => !c.Any(m => m.Status == NotificationStatus.Sent) && c.Any(m => m.Status == NotificationStatus.Pending)),
            sent,
            customers.Count(c => c.Any(m => m.Delivered)),
            customers.Count(c => c.Any(m => m.Read)),
            customers.Count(c => c.All(m => m.Status is NotificationStatus.Failed or NotificationStatus.Skipped) && c.Any(m => m.Status == NotificationStatus.Failed)),
            optedOut,
            skipped.Count - optedOut,
            replies + optOuts + answers.Count,
            replies,
            optOuts,
            answers.Count,
            score.Csat,
            score.Nps,
            [.. messages.GroupBy(m => m.Channel).OrderBy(g => g.Key).Select(g => new ChannelResults(
                ApiEnums.Name(g.Key), g.Count(), g.Count(m => m.Status == NotificationStatus.Pending), g.Count(m => m.Status == NotificationStatus.Sent),
                g.Count(m => m.Delivered), g.Count(m => m.Read), g.Count(m => m.Status == NotificationStatus.Failed), g.Count(m => m.Status == NotificationStatus.Skipped)))]);
    }

    private sealed record Row(long CustomerId, NotificationChannel Channel, NotificationStatus Status, string? LastError, bool Delivered, bool Read);
}
