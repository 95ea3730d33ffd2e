namespace GridCare.Domain.Customers;

/// <summary>
/// Masking of personal data for roles that do not need it in full (个人信息保护法 minimum necessity):
/// a phone keeps its first three and last four digits, an ID number its first and last four characters.
/// </summary>
public static class PersonalData
{
    public static string? MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return phone;
        }

        return phone.Length <= 7
            ? new string('*', phone.Length)
            : string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4));
    }

    public static string? MaskIdNumber(string? idNumber)
    {
        if (string.IsNullOrEmpty(idNumber))
        {
            return idNumber;
        }

        return idNumber.Length <= 8
            ? new string('*', idNumber.Length)
            : string.Concat(idNumber.AsSpan(0, 4), new string('*', idNumber.Length - 8), idNumber.AsSpan(idNumber.Length - 4));
    }
}
