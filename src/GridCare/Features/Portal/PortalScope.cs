using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Portal;

/// <summary>
/// The scope the portal acts in: an anonymous customer is not staff, but intake files an order under the customer's
/// own unit, so the portal sees every unit from the root of the org tree down and holds no role.
/// </summary>
public sealed class PortalScope(StaffScopeResolver scopes, IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The actor recorded on orders the portal takes in.</summary>
    public const string Actor = "portal";

    public async Task<StaffScope> ResolveAsync(CancellationToken cancellationToken)
    {
        var tree = await scopes.TreeAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var root = await db.OrgUnits.AsNoTracking()
            .Where(u => u.ParentId == null)
            .OrderBy(u => u.Id)
            .Select(u => u.Id)
            .FirstAsync(cancellationToken);
        return new StaffScope(Actor, root, tree.SelfAndDescendants(root), []) { UserName = Actor };
    }
}
