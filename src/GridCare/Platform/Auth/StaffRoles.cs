using GridCare.Domain.Staff;

namespace GridCare.Platform.Auth;

/// <summary>The Identity role names of the staff roles, as they appear in tokens and in the admin command.</summary>
public static class StaffRoles
{
    public const string Agent = "agent";
    public const string Dispatcher = "dispatcher";
    public const string Crew = "crew";
    public const string Manager = "manager";
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    public static IReadOnlyList<StaffRole> All { get; } = Enum.GetValues<StaffRole>();

    public static string NameOf(StaffRole role) => role switch
    {
        StaffRole.Agent => Agent,
        StaffRole.Dispatcher => Dispatcher,
        StaffRole.Crew => Crew,
        StaffRole.Manager => Manager,
        StaffRole.Analyst => Analyst,
        StaffRole.Admin => Admin,
    };

    public static StaffRole? Parse(string name) =>
        All.Cast<StaffRole?>().FirstOrDefault(r => string.Equals(NameOf(r!.Value), name, StringComparison.OrdinalIgnoreCase));
}
