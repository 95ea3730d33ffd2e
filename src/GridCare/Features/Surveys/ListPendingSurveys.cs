using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Surveys;

/// <summary>An unanswered survey on the portal: its title in the customer's language, when it was sent, and its link.</summary>
public sealed record PendingSurvey(string Title, DateTime SentAt, DateTime ExpiresAt, string Token);

/// <summary>
/// The open survey invitations of a customer signed in to the portal: those of every account with the verified phone
/// on record (as their orders are), unanswered and unexpired, newest first. The link is the one their SMS carried,
/// made again from the invitation; an invitation whose stored hash it does not match is left out.
/// </summary>
public sealed class ListPendingSurveys(AppDbContext db, SurveyLinks links, TimeProvider time)
{
    public const int Shown = 20;

    public async Task<IReadOnlyList<PendingSurvey>> HandleAsync(string verifiedPhone, bool english, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var accounts = db.Customers.Where(c => c.Phone == verifiedPhone).Select(c => c.Id);
        var open = await db.Set<SurveyInvitation>().AsNoTracking()
            .Where(i => accounts.Contains(i.CustomerId) && i.AnsweredAt == null && i.ExpiresAt > now)
            .Join(db.Set<Survey>(), i => i.SurveyId, s => s.Id, (i, s) => new { i.CampaignId, i.CustomerId, i.TokenHash, i.CreatedAt, i.ExpiresAt, s.TitleZh, s.TitleEn })
            .OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.CampaignId)
            .Take(Shown)
            .ToListAsync(cancellationToken);
        return
        [
            .. open.Select(x => (x, Link: links.Of(x.CampaignId, x.CustomerId, DateTime.SpecifyKind(x.ExpiresAt, DateTimeKind.Utc))))
                .Where(x => x.Link.TokenHash == x.x.TokenHash)
                .Select(x => new PendingSurvey(Survey.In(english, x.x.TitleZh, x.x.TitleEn)!, x.x.CreatedAt, x.x.ExpiresAt, x.Link.Token)),
        ];
    }
}
