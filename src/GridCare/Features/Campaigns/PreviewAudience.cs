using GridCare.Domain.Staff;
using GridCare.Features.Notifications;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Campaigns;

public abstract record PreviewResult
{
    public sealed record Found(AudiencePreview Preview) : PreviewResult;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : PreviewResult;

    public sealed record Forbidden(string Reason) : PreviewResult;
}

/// <summary>Who an audience rule picks now, and how many of them have opted out, before a campaign is created or sent.</summary>
public sealed class PreviewAudience(IDbContextFactory<AppDbContext> dbFactory, ResolveAudience audience)
{
    private const int Listed = 100;

    public async Task<PreviewResult> HandleAsync(AudiencePreviewRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        if (!CampaignAccess.May(scope))
        {
            return new PreviewResult.Forbidden(CampaignAccess.Refusal);
        }

        var errors = new Dictionary<string, string[]>();
        var spec = AudienceSpec.Parse(request.Audience, errors);
        var unit = request.OrgUnitId ?? scope.OrgUnitId;
        if (spec is null || await audience.HandleAsync(spec, unit, scope, cancellationToken) is not { } ids)
        {
            if (spec is not null)
            {
                errors["orgUnitId"] = [$"Org unit {unit} is not yours or below yours."];
            }

            return new PreviewResult.Invalid(errors);
        }

        return new PreviewResult.Found(await PreviewAsync(ids, scope.Roles, cancellationToken));
    }

    /// <summary>The preview of resolved ids: the opted-out count over all of them, the first ones listed.</summary>
    public async Task<AudiencePreview> PreviewAsync(IReadOnlyList<long> ids, IReadOnlyList<StaffRole> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var optedOut = new HashSet<long>();
        foreach (var chunk in ids.Chunk(1000))
        {
            optedOut.UnionWith(await db.Set<NotificationPreference>().AsNoTracking()
                .Where(p => chunk.Contains(p.CustomerId) && (p.OptOutMarketing || p.OptOutNonEmergency)).Select(p => p.CustomerId).ToListAsync(cancellationToken));
        }

        var first = ids.Take(Listed).ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => first.Contains(c.Id)).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.AccountNumber, c.Name, c.Phone, c.OrgUnitId }).ToListAsync(cancellationToken);
        return new AudiencePreview(
            ids.Count,
            optedOut.Count,
            [.. customers.Select(c => new AudienceCustomer(c.Id, c.AccountNumber, c.Name, PersonalDataAccess.Phone(c.Phone, roles), c.OrgUnitId, optedOut.Contains(c.Id)))]);
    }
}
