using GridCare.Domain.Customers;
using GridCare.Domain.Network;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Intake.Receiving;

/// <summary>Who a contact is from: one customer, or none with the accounts a shared phone matched as candidates.</summary>
public sealed record Caller(Customer? Customer, IReadOnlyList<long> Candidates)
{
    public static readonly Caller Unknown = new(null, []);
}

/// <summary>
/// Identification for a batch of contacts, one query per kind of key the batch carries. An exact account or meter
/// number identifies one customer; a phone may match several, kept as candidates. Each contact only finds
/// customers of the org units its sender sees.
/// </summary>
public sealed class IdentifyCallers(AppDbContext db)
{
    /// <summary>An unidentified order lists at most this many accounts sharing the caller's phone.</summary>
    private const int MaxCandidates = 20;

    public async Task<Dictionary<PendingContact, Caller>> IdentifyAsync(IReadOnlyList<PendingContact> contacts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var callers = new Dictionary<PendingContact, Caller>();
        var customers = db.Customers.AsNoTracking();

        var accounts = Keys(contacts, c => c.Request.AccountNumber);
        var byAccount = accounts.Count == 0 ? [] : await customers.Where(c => accounts.Contains(c.AccountNumber)).ToListAsync(cancellationToken);
        foreach (var contact in contacts)
        {
            if (Key(contact.Request.AccountNumber) is { } account
                && byAccount.FirstOrDefault(c => c.AccountNumber == account && contact.Scope.Sees(c.OrgUnitId)) is { } customer)
            {
                callers[contact] = new Caller(customer, []);
            }
        }

        var rest = contacts.Where(c => !callers.ContainsKey(c)).ToList();
        var meters = Keys(rest, c => c.Request.MeterNumber);
        var byMeter = meters.Count == 0 ? [] : await db.NetworkDevices.Where(m => m.Kind == DeviceKind.Meter && meters.Contains(m.Code))
            .Join(db.NetworkDevices, m => m.Id, sp => sp.ParentId, (m, sp) => new { Meter = m.Code, ServicePointId = sp.Id })
            .Join(customers, m => m.ServicePointId, c => c.ServicePointId, (m, c) => new { m.Meter, Customer = c })
            .ToListAsync(cancellationToken);
        foreach (var contact in rest)
        {
            if (Key(contact.Request.MeterNumber) is { } meter
                && byMeter.FirstOrDefault(m => m.Meter == meter && contact.Scope.Sees(m.Customer.OrgUnitId)) is { } match)
            {
                callers[contact] = new Caller(match.Customer, []);
            }
        }

        rest = [.. rest.Where(c => !callers.ContainsKey(c))];
        var phones = Keys(rest, c => c.Request.Phone);
        var byPhone = phones.Count == 0 ? [] : await customers.Where(c => phones.Contains(c.Phone!)).ToListAsync(cancellationToken);
        foreach (var contact in rest)
        {
            var phone = Key(contact.Request.Phone);
            var matches = phone is null
                ? []
                : byPhone.Where(c => c.Phone == phone && contact.Scope.Sees(c.OrgUnitId)).OrderBy(c => c.AccountNumber, StringComparer.Ordinal).Take(MaxCandidates).ToList();
            callers[contact] = matches.Count == 1 ? new Caller(matches[0], []) : new Caller(null, [.. matches.Select(c => c.Id)]);
        }

        return callers;
    }

    private static string? Key(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Keys(IEnumerable<PendingContact> contacts, Func<PendingContact, string?> key) =>
        [.. contacts.Select(c => Key(key(c))).OfType<string>().Distinct(StringComparer.Ordinal)];
}
