using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GridCare.Platform.Auth;

/// <summary>Adds the org unit and display name to the principal, so scope checks need no user lookup per request.</summary>
public sealed class StaffClaims(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    public const string OrgUnit = "gridcare:org_unit";
    public const string DisplayName = "gridcare:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(OrgUnit, user.OrgUnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        return identity;
    }
}
