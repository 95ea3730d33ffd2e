using GridCare.Domain.Staff;

namespace GridCare.Platform.Auth;

/// <summary>
/// What the signed-in staff member may see: their roles and the org units at or below their own.
/// Every query over customers, network and orders filters by <see cref="VisibleOrgUnitIds"/>.
/// </summary>
public sealed record StaffScope(string UserId, int OrgUnitId, IReadOnlySet<int> VisibleOrgUnitIds, IReadOnlyList<StaffRole> Roles)
{
    /// <summary>The sign-in name, recorded as the actor of every change the user makes.</summary>
    public string UserName { get; init; } = UserId;

    public bool Sees(int orgUnitId) => VisibleOrgUnitIds.Contains(orgUnitId);

    public bool IsIn(StaffRole role) => Roles.Contains(role);

    /// <summary>Binds the scope of the signed-in user as an endpoint parameter; null (→ 400) only for principals without an org unit.</summary>
    public static async ValueTask<StaffScope?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var resolver = context.RequestServices.GetRequiredService<StaffScopeResolver>();
        return await resolver.ResolveAsync(context.User, context.RequestAborted);
    }
}
