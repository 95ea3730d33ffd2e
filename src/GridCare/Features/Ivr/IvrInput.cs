using System.Text.RegularExpressions;
using GridCare.Domain.Customers;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Ivr;

/// <summary>The shape checks of what an IVR sends: a phone as the switch delivers it (CLI) and a keyed account number.</summary>
public static partial class IvrInput
{
    /// <summary>
    /// The accounts a call is about, among those the IVR account sees: the keyed account when there is one, otherwise
    /// every account on record with the phone — the lookup and the call record identify callers the same way.
    /// </summary>
    public static IQueryable<Customer> Callers(AppDbContext db, StaffScope scope, string phone, string? account)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var visible = scope.VisibleOrgUnitIds.ToList();
        var customers = db.Customers.AsNoTracking().Where(c => visible.Contains(c.OrgUnitId));
        return (account is not null ? customers.Where(c => c.AccountNumber == account) : customers.Where(c => c.Phone == phone)).OrderBy(c => c.AccountNumber);
    }

    /// <summary>The phone without spaces or dashes, or null with an error naming the field.</summary>
    public static string? Phone(string? text, string field, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var phone = text?.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(phone))
        {
            errors[field] = ["The caller's phone is required."];
            return null;
        }

        if (!PhonePattern().IsMatch(phone))
        {
            errors[field] = [$"'{text}' is not a phone number (5–20 digits, optionally with a leading +)."];
            return null;
        }

        return phone;
    }

    /// <summary>The keyed account number, null when none was keyed; an error naming the field when it is malformed.</summary>
    public static string? AccountNumber(string? text, string field, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var account = text.Trim();
        if (!AccountPattern().IsMatch(account))
        {
            errors[field] = [$"'{text}' is not an account number (4–32 letters, digits or dashes)."];
            return null;
        }

        return account;
    }

    [GeneratedRegex(@"^\+?[0-9]{5,20}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[A-Za-z0-9-]{4,32}$")]
    private static partial Regex AccountPattern();
}
