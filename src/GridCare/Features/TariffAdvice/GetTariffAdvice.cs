using GridCare.Analytics.Segmentation;
using GridCare.Analytics.Tariffs;
using GridCare.Domain.Sla;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.TariffAdvice;

public sealed record TariffBillResponse(string Code, string Name, string Kind, double Kwh, double PeriodYuan, double AnnualYuan);

/// <summary>
/// A customer's bills under each tariff offered to their category, cheapest first. <c>monthsCovered</c> and
/// <c>daysCovered</c> say how much reading data it rests on; with less than a year, <c>annualYuan</c> is the covered
/// days scaled to 365 (monthly blocks are found per month first), so it is an estimate.
/// </summary>
public sealed record TariffAdviceResponse(
    long CustomerId, string AccountNumber, string Name, string Category, string CurrentTariff, DateOnly? From, DateOnly? To, int DaysCovered, double MonthsCovered,
    bool Annualised, double Kwh, IReadOnlyList<TariffBillResponse> Bills, string? Recommended, double AnnualSavingYuan);

/// <summary>Tariff advice from the last 12 months of readings (or the months there are).</summary>
public sealed class GetTariffAdvice(IDbContextFactory<AppDbContext> dbFactory, LoadProfileReader readings, TimeProvider time)
{
    public async Task<TariffAdviceResponse?> HandleAsync(long customerId, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId)
            .Select(c => new CustomerRow(c.Id, c.AccountNumber, c.Name, c.Category, c.Tariff, c.OrgUnitId)).FirstOrDefaultAsync(cancellationToken);
        if (customer is null || !scope.Sees(customer.OrgUnitId))
        {
            return null;
        }

        var (from, to) = await WindowAsync(readings, time, cancellationToken);
        var months = await readings.MonthsAsync([], customerId, from, to, cancellationToken);
        var tariffs = await TariffsAsync(db, cancellationToken);
        return Advise(customer, tariffs, months.GetValueOrDefault(customerId) ?? [], from, to);
    }

    internal sealed record CustomerRow(long Id, string AccountNumber, string Name, Domain.Customers.CustomerCategory Category, string Tariff, int OrgUnitId);

    /// <summary>The twelve months up to the last day read (China days).</summary>
    internal static async Task<(DateOnly From, DateOnly To)> WindowAsync(LoadProfileReader readings, TimeProvider time, CancellationToken cancellationToken)
    {
        var to = await readings.LastDayAsync(cancellationToken) ?? ChinaTime.DateOf(time.GetUtcNow().UtcDateTime);
        return (to.AddDays(-364), to);
    }

    internal static async Task<List<TariffTable>> TariffsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (await db.Set<TariffTable>().AsNoTracking().ToListAsync(cancellationToken)).Where(t => t.ToTariff().Problems().Count == 0).ToList();

    internal static TariffAdviceResponse Advise(CustomerRow customer, IReadOnlyList<TariffTable> tables, IReadOnlyList<MonthUsage> months, DateOnly from, DateOnly to)
    {
        var category = ApiEnums.Name(customer.Category);
        var offered = tables.Where(t => t.CategoryList.Contains(category, StringComparer.OrdinalIgnoreCase)).ToList();
        var advice = TariffAdvisor.Advise([.. offered.Select(t => t.ToTariff())], months, customer.Tariff);
        var names = offered.ToDictionary(t => t.Code, t => (t.Name, Kind: ApiEnums.Name(t.Kind)));
        return new TariffAdviceResponse(
            customer.Id, customer.AccountNumber, customer.Name, category, customer.Tariff,
            months.Count == 0 ? null : from, months.Count == 0 ? null : to, advice.DaysCovered, advice.MonthsCovered, advice.DaysCovered < BillCalculator.DaysPerYear, Math.Round(advice.Kwh, 3),
            [.. advice.Bills.Select(b => new TariffBillResponse(b.TariffCode, names[b.TariffCode].Name, names[b.TariffCode].Kind, Math.Round(b.Kwh, 3), Math.Round(b.PeriodYuan, 2), Math.Round(b.AnnualYuan, 2)))],
            advice.Recommended, advice.AnnualSavingYuan);
    }
}
