using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Campaigns;

/// <summary>The campaigns of the units the caller sees, newest first.</summary>
public sealed class ListCampaigns(AppDbContext db)
{
    public async Task<IReadOnlyList<CampaignSummary>> HandleAsync(StaffScope scope, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var units = scope.VisibleOrgUnitIds.ToList();
        var campaigns = await db.Set<Campaign>().AsNoTracking().Where(c => units.Contains(c.OrgUnitId))
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(limit).ToListAsync(cancellationToken);
        return [.. campaigns.Select(Summary)];
    }

    /// <summary>The campaign when the caller sees its unit; null otherwise (reported as not found).</summary>
    public static async Task<Campaign?> FindAsync(AppDbContext db, long id, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var campaign = await db.Set<Campaign>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return campaign is not null && scope.Sees(campaign.OrgUnitId) ? campaign : null;
    }

    public static CampaignSummary Summary(Campaign c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.Name, c.OrgUnitId, ApiEnums.Name(c.Kind), ApiEnums.Name(c.Status), c.SurveyId, c.CreatedAt, c.CreatedBy, c.SentAt, c.Recipients);
    }
}
