using System.Globalization;
using System.Security.Claims;
using GridCare.Domain.Organization;
using GridCare.Domain.Staff;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Platform.Auth;

/// <summary>
/// Turns a principal into a <see cref="StaffScope"/>. The org tree is read once and cached; imports that change
/// org units call <see cref="Invalidate"/>.
/// </summary>
public sealed class StaffScopeResolver(IDbContextFactory<AppDbContext> dbFactory) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private OrgUnitTree? tree;

    public async Task<StaffScope?> ResolveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true
            || !int.TryParse(principal.FindFirstValue(StaffClaims.OrgUnit), NumberStyles.Integer, CultureInfo.InvariantCulture, out var orgUnitId))
        {
            return null;
        }

        var roles = principal.FindAll(ClaimTypes.Role)
            .Select(c => StaffRoles.Parse(c.Value))
            .OfType<StaffRole>()
            .Distinct()
            .ToList();
        var orgTree = await TreeAsync(cancellationToken);
        return new StaffScope(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty, orgUnitId, orgTree.SelfAndDescendants(orgUnitId), roles)
        {
            UserName = principal.Identity.Name ?? string.Empty,
        };
    }

    public async Task<OrgUnitTree> TreeAsync(CancellationToken cancellationToken)
    {
        if (tree is { } cached)
        {
            return cached;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (tree is null)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                tree = new OrgUnitTree(await db.OrgUnits.AsNoTracking().ToListAsync(cancellationToken));
            }

            return tree;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Invalidate() => tree = null;

    public void Dispose() => gate.Dispose();
}
