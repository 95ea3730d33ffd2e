using GridCare.Features.Notifications;
using GridCare.Features.Surveys;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Campaigns;

public abstract record SendCampaignResult
{
    public sealed record Sent(CampaignResults Results) : SendCampaignResult;

    public sealed record Forbidden(string Reason) : SendCampaignResult;

    public sealed record NotFound : SendCampaignResult;
}

/// <summary>
/// Sends a draft campaign: resolves its audience, and in ONE transaction writes a message per customer and channel to
/// the notification outbox (event <c>campaign:{id}</c>), the survey invitations, and the campaign's Sent mark. The
/// dispatcher delivers afterwards, with its leases, so a restart loses nothing and sends nothing twice; a retried send
/// finds the campaign sent and returns its results; two sends at once collide on the campaign's version (and on the
/// outbox's unique key), and the loser returns the winner's results.
/// </summary>
public sealed class SendCampaign(AppDbContext db, ResolveAudience audience, InviteToSurvey surveys, GetCampaignResults results, TimeProvider time)
{
    /// <summary>The outbox rows' subject type: the campaign's messages on the customer page, the reply webhook's look-up.</summary>
    public const string SubjectType = "campaign";

    public async Task<SendCampaignResult> HandleAsync(long id, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!CampaignAccess.May(scope))
        {
            return new SendCampaignResult.Forbidden(CampaignAccess.Refusal);
        }

        if (await ListCampaigns.FindAsync(db, id, scope, cancellationToken) is not { } campaign)
        {
            return new SendCampaignResult.NotFound();
        }

        if (campaign.Status == CampaignStatus.Draft)
        {
            var ids = await audience.HandleAsync(AudienceSpec.FromJson(campaign.Audience), campaign.OrgUnitId, scope, cancellationToken) ?? [];
            var now = time.GetUtcNow().UtcDateTime;
            var request = campaign.Kind == CampaignKind.Survey
                ? await SurveyRequestAsync(campaign, ids, now, cancellationToken)
                : MessageRequest(campaign, ids);
            await NotificationOutbox.EnqueueAsync(db, request, cancellationToken);
            if (request.RecipientValues is { } invited)
            {
                DropUninvited(campaign.EventKey, invited);
            }

            campaign.MarkSent(ids.Count, now, scope.UserName);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another send of the same campaign committed first: its messages stand, ours were never written.
                if (!await SentMeanwhileAsync(id, cancellationToken))
                {
                    throw;
                }
            }
        }

        return new SendCampaignResult.Sent((await results.HandleAsync(id, scope, cancellationToken))!);
    }

    private async Task<bool> SentMeanwhileAsync(long id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Set<Campaign>().AsNoTracking().AnyAsync(c => c.Id == id && c.Status == CampaignStatus.Sent, cancellationToken);
    }

    /// <summary>
    /// A customer found opted out when the invitations were made but not when the outbox read the preferences a moment
    /// later (they opted in between) would get a message without a link: they are left out of this campaign instead.
    /// </summary>
    private void DropUninvited(string eventKey, IReadOnlyDictionary<long, IReadOnlyDictionary<string, string>> invited)
    {
        foreach (var entry in db.ChangeTracker.Entries<NotificationMessage>()
            .Where(e => e.State == EntityState.Added && e.Entity.EventKey == eventKey && e.Entity.Status != NotificationStatus.Skipped && !invited.ContainsKey(e.Entity.CustomerId)).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private static NotificationRequest MessageRequest(Campaign campaign, IReadOnlyList<long> ids)
    {
        var zh = new Dictionary<string, string> { ["subject"] = campaign.SubjectZh ?? campaign.Name, ["text"] = campaign.TextZh! };
        var en = new Dictionary<string, string> { ["subject"] = campaign.SubjectEn ?? zh["subject"], ["text"] = campaign.TextEn ?? campaign.TextZh! };
        return new NotificationRequest(
            campaign.EventKey, NotificationTemplates.CampaignMessage, ids, zh, SubjectType: SubjectType, SubjectId: campaign.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Marketing: true, LanguageValues: new Dictionary<string, IReadOnlyDictionary<string, string>> { [NotificationPreference.DefaultLanguage] = zh, ["en"] = en });
    }

    private async Task<NotificationRequest> SurveyRequestAsync(Campaign campaign, IReadOnlyList<long> ids, DateTime now, CancellationToken cancellationToken)
    {
        var values = await surveys.AddAsync(db, campaign, ids, now, cancellationToken);
        return new NotificationRequest(
            campaign.EventKey, NotificationTemplates.SurveyInvitation, ids, SurveyMessageValues.WithoutLink, SubjectType: SubjectType,
            SubjectId: campaign.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Marketing: true, LanguageValues: values.PerLanguage, RecipientValues: values.PerCustomer);
    }
}
