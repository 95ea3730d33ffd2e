using GridCare.Platform.Auth;

namespace GridCare.Features.Portal;

/// <summary>
/// The scope the portal acts in: an anonymous customer is not staff, but intake files an order under the customer's
/// own unit, so the portal sees every unit of the (cached) org tree and holds no role.
/// </summary>
public sealed class PortalScope(StaffScopeResolver scopes)
{
    /// <summary>The actor recorded on orders the portal takes in.</summary>
    public const string Actor = "portal";

    public async Task<StaffScope> ResolveAsync(CancellationToken cancellationToken)
    {
        var tree = await scopes.TreeAsync(cancellationToken);
        var root = tree.Roots.Count > 0 ? tree.Roots[0].Id : 0;
        return new StaffScope(Actor, root, tree.All, []) { UserName = Actor };
    }
}
