using GridCare.Domain.Customers;

namespace GridCare.Domain.Staff;

/// <summary>
/// Which roles need a customer's personal data in full. Agents and dispatchers call customers back and crews call
/// them on site, so they see phones; only agents verify identity at the counter, so only they see ID numbers.
/// </summary>
public static class PersonalDataAccess
{
    public static bool SeesPhone(IEnumerable<StaffRole> roles) =>
        roles.Any(r => r is StaffRole.Agent or StaffRole.Dispatcher or StaffRole.Crew);

    public static bool SeesIdNumber(IEnumerable<StaffRole> roles) =>
        roles.Any(r => r is StaffRole.Agent);

    public static string? Phone(string? phone, IReadOnlyCollection<StaffRole> roles) =>
        SeesPhone(roles) ? phone : PersonalData.MaskPhone(phone);

    public static string? IdNumber(string? idNumber, IReadOnlyCollection<StaffRole> roles) =>
        SeesIdNumber(roles) ? idNumber : PersonalData.MaskIdNumber(idNumber);
}
