namespace GridCare.Features.Portal;

/// <summary>The shape of what customers type into the portal's forms; the pages show localized messages.</summary>
public static class PortalValidation
{
    public static bool IsAccountNumber(string? value)
    {
        var account = PortalCustomers.Normalize(value);
        return account.Length is > 0 and <= 32 && account.All(char.IsAsciiLetterOrDigit);
    }

    public static bool IsPhone(string? value)
    {
        var phone = PortalCustomers.NormalizePhone(value);
        return phone.Length is >= 7 and <= 20 && phone.All(char.IsAsciiDigit);
    }

    /// <summary>Prefix letters, the CST day and a sequence, e.g. DF20261127-000123.</summary>
    public static bool IsOrderNumber(string? value)
    {
        var number = PortalCustomers.Normalize(value);
        return number.Length is > 0 and <= 40 && number.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
    }
}
