using GridCare.Analytics.Segmentation;
using GridCare.Domain.Customers;
using GridCare.Features.CustomerProfile;
using GridCare.Features.Segmentation;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.TariffAdvice;

public sealed record TariffSavingsResponse(int OrgUnitId, string OrgUnitName, int CustomersPriced, IReadOnlyList<TariffAdviceResponse> Customers);

/// <summary>
/// The customers of a unit (optionally one category or one saved load-shape segment) who would save most by changing
/// tariff, largest annual saving first: the list for a targeted tariff campaign.
/// </summary>
public sealed class ListTariffSavings(IDbContextFactory<AppDbContext> dbFactory, StaffScopeResolver resolver, LoadProfileReader readings, TimeProvider time)
{
    public async Task<TariffSavingsResponse?> HandleAsync(StaffScope scope, int? orgUnitId, CustomerCategory? category, LoadShape? shape, int limit, CancellationToken cancellationToken)
    {
        if (await InsightAccess.UnitsAsync(resolver, scope, orgUnitId, cancellationToken) is not { } unit)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (from, to) = await GetTariffAdvice.WindowAsync(readings, time, cancellationToken);
        var usage = await readings.MonthsAsync(unit.Units, null, from, to, cancellationToken);
        var ids = usage.Keys.ToList();
        var units = unit.Units.ToList();
        var query = db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id) && units.Contains(c.OrgUnitId));
        if (category is { } c)
        {
            query = query.Where(x => x.Category == c);
        }

        if (shape is { } s)
        {
            var inSegment = db.Set<CustomerSegment>().Where(x => x.Shape == s).Select(x => x.CustomerId);
            query = query.Where(x => inSegment.Contains(x.Id));
        }

        var customers = await query.Select(x => new GetTariffAdvice.CustomerRow(x.Id, x.AccountNumber, x.Name, x.Category, x.Tariff, x.OrgUnitId)).ToListAsync(cancellationToken);
        var tariffs = await GetTariffAdvice.TariffsAsync(db, cancellationToken);
        var advice = customers.Select(x => GetTariffAdvice.Advise(x, tariffs, usage[x.Id], from, to)).ToList();
        return new TariffSavingsResponse(
            unit.Id, unit.Name, advice.Count,
            [.. advice.Where(a => a.AnnualSavingYuan > 0).OrderByDescending(a => a.AnnualSavingYuan).ThenBy(a => a.AccountNumber, StringComparer.Ordinal).Take(limit)]);
    }
}
