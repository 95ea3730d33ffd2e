using GridCare.Domain.Staff;
using GridCare.Domain.WorkOrders;
using GridCare.Platform.Auth;

namespace GridCare.Features.RepairGuidance;

/// <summary>Who takes part in remote repair guidance, and on which orders.</summary>
public static class GuidanceAccess
{
    /// <summary>The crew on the order reports the steps.</summary>
    public static readonly StaffRole[] Followers = [StaffRole.Crew];

    /// <summary>Dispatchers, managers (senior engineers sit in the station's management) and admins guide.</summary>
    public static readonly StaffRole[] Guides = [StaffRole.Dispatcher, StaffRole.Manager, StaffRole.Admin];

    public static readonly StaffRole[] Readers = [.. Followers, .. Guides];

    /// <summary>A crew works on an order from dispatch until it is resolved.</summary>
    public static readonly WorkOrderStatus[] InTheField = [WorkOrderStatus.Dispatched, WorkOrderStatus.Accepted, WorkOrderStatus.Arrived];

    public static string Roles(IEnumerable<StaffRole> roles) => string.Join(", ", roles.Select(StaffRoles.NameOf));
}

/// <summary>Why a guidance request was not carried out; the endpoints turn each into its status code.</summary>
public abstract record GuidanceRefusal(string Detail)
{
    /// <summary>No such order in the caller's units (an order of another crew's unit is not revealed).</summary>
    public sealed record NotFound(string Detail) : GuidanceRefusal(Detail);

    public sealed record Forbidden(string Detail) : GuidanceRefusal(Detail);

    /// <summary>The order is not in the field, or already follows another procedure.</summary>
    public sealed record Conflict(string Detail) : GuidanceRefusal(Detail);

    public sealed record Invalid(IDictionary<string, string[]> Errors) : GuidanceRefusal("One or more validation errors occurred.");
}
