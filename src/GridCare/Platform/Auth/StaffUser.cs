using Microsoft.AspNetCore.Identity;

namespace GridCare.Platform.Auth;

/// <summary>A staff sign-in, bound to the one org unit whose data (and that of the units below) it may see.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    public int OrgUnitId { get; set; }

    /// <summary>Created by the demo seeder with the published demo password; outside demo mode start-up refuses while one exists.</summary>
    public bool IsDemo { get; set; }
}
