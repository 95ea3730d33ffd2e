using System.Globalization;
using GridCare.Domain.Sla;
using GridCare.Features.Campaigns;
using GridCare.Features.Notifications;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Surveys;

/// <summary>
/// The invitations of a survey campaign, added to the caller's context to be saved with the campaign's outbox rows:
/// one signed link per customer, and the values its message needs (the survey's title per language, the customer's
/// link and its expiry). A customer who takes no campaigns (opted out of marketing, or of everything but
/// emergencies) is invited to nothing: no invitation, no token; the outbox stores their message skipped, as it does a
/// campaign message, so the results count them as opted out.
/// </summary>
public sealed class InviteToSurvey(SurveyLinks links)
{
    public async Task<SurveyMessageValues> AddAsync(AppDbContext db, Campaign campaign, IReadOnlyList<long> customerIds, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(customerIds);
        var survey = await db.Set<Survey>().AsNoTracking().FirstAsync(s => s.Id == campaign.SurveyId, cancellationToken);
        var units = new Dictionary<long, int>();
        foreach (var chunk in customerIds.Chunk(1000))
        {
            var optedOut = db.Set<NotificationPreference>().Where(p => p.OptOutMarketing || p.OptOutNonEmergency).Select(p => p.CustomerId);
            foreach (var c in await db.Customers.AsNoTracking().Where(c => chunk.Contains(c.Id) && !optedOut.Contains(c.Id))
                .Select(c => new { c.Id, c.OrgUnitId }).ToListAsync(cancellationToken))
            {
                units[c.Id] = c.OrgUnitId;
            }
        }

        var perCustomer = new Dictionary<long, IReadOnlyDictionary<string, string>>();
        foreach (var (customerId, orgUnitId) in units)
        {
            var link = links.Create(campaign.Id, customerId, nowUtc);
            db.Add(SurveyInvitation.Create(campaign.Id, survey.Id, customerId, orgUnitId, link.TokenHash, link.ExpiresAtUtc, nowUtc));
            perCustomer[customerId] = new Dictionary<string, string>
            {
                ["link"] = link.Url.ToString(),
                ["expires"] = ChinaTime.ToCst(link.ExpiresAtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            };
        }

        var titles = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [NotificationPreference.DefaultLanguage] = new Dictionary<string, string> { ["title"] = survey.TitleZh },
            ["en"] = new Dictionary<string, string> { ["title"] = Survey.In(true, survey.TitleZh, survey.TitleEn)! },
        };
        return new SurveyMessageValues(titles, perCustomer);
    }
}

/// <param name="PerLanguage">The survey's title in each language.</param>
/// <param name="PerCustomer">The link and its expiry of each invited customer; the customers who opted out have none.</param>
public sealed record SurveyMessageValues(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> PerLanguage, IReadOnlyDictionary<long, IReadOnlyDictionary<string, string>> PerCustomer)
{
    /// <summary>
    /// The message of a customer without a link: stored skipped (they opted out), so it needs the placeholders but
    /// carries no link.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> WithoutLink = new Dictionary<string, string> { ["link"] = "-", ["expires"] = "-" };
}
