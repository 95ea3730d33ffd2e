using GridCare.Domain.Outages;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Outages;

/// <summary>An outage as the public notice board shows it: where, why (planned work), when, and when power comes back.</summary>
public sealed record PublicOutage(string Number, OutageKind Kind, OutageStatus Status, string Area, string? Reason, DateTime? Start, DateTime? End, DateTime? Etr, int CustomerCount);

/// <summary>
/// The portal's outage notices (停电信息公告): current and coming outages — those within <see cref="Horizon"/> — found
/// by account number (the outages that cut that account), or by a piece of address or area (outages whose area, or
/// one of whose customers' addresses, contains it); without a query, all of them. Nothing personal is shown: an
/// unplanned outage's inferred cause stays internal.
/// </summary>
public sealed class FindPublicOutages(AppDbContext db, TimeProvider time)
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(30);

    public const int MaxShown = 50;

    public async Task<IReadOnlyList<PublicOutage>> HandleAsync(string? query, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow().UtcDateTime + Horizon;
        var current = db.Set<Outage>().AsNoTracking()
            .Where(o => o.Status == OutageStatus.Active || (o.Status == OutageStatus.Scheduled && o.PlannedStart <= until));
        var q = query?.Trim() ?? string.Empty;
        if (q.Length > 0)
        {
            var byAccount = db.Customers.Where(c => c.AccountNumber == q).Select(c => c.Id);
            var byAddress = db.Customers.Where(c => c.Address.Contains(q)).Select(c => c.Id);
            var affected = db.Set<OutageCustomer>()
                .Where(a => a.RestoredAt == null && (byAccount.Contains(a.CustomerId) || byAddress.Contains(a.CustomerId)))
                .Select(a => a.OutageId);
            current = current.Where(o => o.Area.Contains(q) || affected.Contains(o.Id));
        }

        var outages = await current
            .OrderBy(o => o.Status == OutageStatus.Active ? 0 : 1)
            .ThenBy(o => o.PlannedStart)
            .Take(MaxShown)
            .ToListAsync(cancellationToken);
        return [.. outages.Select(o => new PublicOutage(
            o.Number, o.Kind, o.Status, o.Area, o.Kind == OutageKind.Unplanned ? null : o.Reason,
            o.StartedAt ?? o.PlannedStart, o.PlannedEnd, o.Etr, o.CustomerCount))];
    }
}
