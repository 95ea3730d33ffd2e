using GridCare.Domain.Staff;
using GridCare.Platform.Auth;

namespace GridCare.Features.Campaigns;

/// <summary>Who runs campaigns: the marketing analysts and the managers of a unit, and administrators.</summary>
public static class CampaignAccess
{
    public static readonly StaffRole[] Editors = [StaffRole.Manager, StaffRole.Analyst, StaffRole.Admin];

    public const string Refusal = "Campaigns are for managers, analysts and administrators.";

    public static bool May(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Editors.Any(scope.IsIn);
    }
}
