namespace GridCare.Domain.Customers;

/// <summary>
/// Masking of personal data for roles that do not need it in full (个人信息保护法 minimum necessity):
/// a phone keeps its first three and last four digits, an ID number its first and last four characters.
/// </summary>
public static class PersonalData
{
    public static string? MaskPhone(string? phone) => Mask(phone, keepStart: 3, keepEnd: 4);

    public static string? MaskIdNumber(string? idNumber) => Mask(idNumber, keepStart: 4, keepEnd: 4);

    /// <summary>Values too short to keep both ends are masked whole.</summary>
    private static string? Mask(string? value, int keepStart, int keepEnd)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        return value.Length <= keepStart + keepEnd
            ? new string('*', value.Length)
            : string.Concat(value.AsSpan(0, keepStart), new string('*', value.Length - keepStart - keepEnd), value.AsSpan(value.Length - keepEnd));
    }
}
