using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Portal;

/// <summary>
/// How an anonymous customer proves an account or an order is theirs: the phone they give must be the phone on record
/// for the account. Every portal use case checks it and answers a mismatch exactly like "not found".
/// </summary>
public static class PortalCustomers
{
    /// <summary>What the customer typed without the spaces phones copy in with.</summary>
    public static string Normalize(string? value) =>
        string.Concat((value ?? string.Empty).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>A phone number as digits, whether typed as 138 1234 5678 or 0857-1234567.</summary>
    public static string NormalizePhone(string? value) =>
        string.Concat(Normalize(value).Where(c => c != '-'));

    /// <summary>The id of the customer with this account number and phone on record, or null.</summary>
    public static async Task<long?> VerifyAccountAsync(AppDbContext db, string accountNumber, string phone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var account = Normalize(accountNumber);
        var given = NormalizePhone(phone);
        var customer = await db.Customers.AsNoTracking()
            .Where(c => c.AccountNumber == account)
            .Select(c => new { c.Id, c.Phone })
            .FirstOrDefaultAsync(cancellationToken);
        return customer is not null && given.Length > 0 && NormalizePhone(customer.Phone) == given ? customer.Id : null;
    }

    /// <summary>Whether the order's customer has this phone on record.</summary>
    public static async Task<bool> OwnsAsync(AppDbContext db, long? customerId, string phone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var given = NormalizePhone(phone);
        if (customerId is not { } id || given.Length == 0)
        {
            return false;
        }

        var onRecord = await db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => c.Phone).FirstOrDefaultAsync(cancellationToken);
        return NormalizePhone(onRecord) == given;
    }
}
