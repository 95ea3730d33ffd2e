using GridCare.Domain.Staff;
using GridCare.Platform.Auth;

namespace GridCare.Features.CustomerProfile;

/// <summary>Who sees customer insight, and the org units a request covers.</summary>
public static class InsightAccess
{
    /// <summary>A customer's profile and tariff advice: everyone who talks to or about the customer (not field crews).</summary>
    public static readonly StaffRole[] ProfileReaders = [StaffRole.Agent, StaffRole.Dispatcher, StaffRole.Manager, StaffRole.Analyst, StaffRole.Admin];

    /// <summary>Segments across a unit: those who plan service and marketing.</summary>
    public static readonly StaffRole[] SegmentReaders = [StaffRole.Dispatcher, StaffRole.Manager, StaffRole.Analyst, StaffRole.Admin];

    public static bool May(StaffScope scope, StaffRole[] roles)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return roles.Any(scope.IsIn);
    }

    /// <summary>
    /// The unit asked for (default: the caller's) and the units below it that the caller sees; null when the caller
    /// does not see the unit, which the endpoints report as not found.
    /// </summary>
    public static async Task<(int Id, string Name, HashSet<int> Units)?> UnitsAsync(StaffScopeResolver resolver, StaffScope scope, int? orgUnitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(scope);
        var id = orgUnitId ?? scope.OrgUnitId;
        if (!scope.Sees(id))
        {
            return null;
        }

        var tree = await resolver.TreeAsync(cancellationToken);
        return (id, tree.Find(id)!.Name, tree.SelfAndDescendants(id).Where(scope.Sees).ToHashSet());
    }
}
