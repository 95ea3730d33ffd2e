namespace GridCare.Domain.Staff;

/// <summary>The staff roles of a supply bureau; each user has one or more, bound to one org unit.</summary>
public enum StaffRole
{
    Agent,
    Dispatcher,
    Crew,
    Manager,
    Analyst,
    Admin,
}
