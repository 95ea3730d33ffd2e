namespace GridCare.Analytics.Tariffs;

/// <summary>
/// The bills under every tariff, cheapest first, and the advice: the cheapest tariff and what it saves a year against
/// the current one (zero when the customer is already on the cheapest, or the current one is unknown).
/// <see cref="MonthsCovered"/> is the data behind it (days / 30.4): under 12, the annual figures are scaled up.
/// </summary>
public sealed record TariffAdvice(int DaysCovered, double MonthsCovered, double Kwh, string? CurrentTariff, IReadOnlyList<Bill> Bills, string? Recommended, double AnnualSavingYuan);

public static class TariffAdvisor
{
    public static TariffAdvice Advise(IReadOnlyList<Tariff> tariffs, IReadOnlyList<DayUsage> days, string? currentTariff) =>
        Advise(tariffs, MonthUsage.FromDays(days), currentTariff);

    public static TariffAdvice Advise(IReadOnlyList<Tariff> tariffs, IReadOnlyList<MonthUsage> months, string? currentTariff)
    {
        ArgumentNullException.ThrowIfNull(tariffs);
        ArgumentNullException.ThrowIfNull(months);
        var bills = tariffs.Select(t => BillCalculator.Price(t, months)).OrderBy(b => b.AnnualYuan).ThenBy(b => b.TariffCode, StringComparer.Ordinal).ToList();
        var covered = months.Sum(m => m.Days);
        var kwh = months.Sum(m => m.Kwh);
        if (bills.Count == 0 || covered == 0)
        {
            return new TariffAdvice(covered, 0, kwh, currentTariff, bills, null, 0);
        }

        var current = bills.FirstOrDefault(b => b.TariffCode == currentTariff);
        var saving = current is null ? 0 : Math.Round(current.AnnualYuan - bills[0].AnnualYuan, 2);
        return new TariffAdvice(covered, Math.Round(covered / (BillCalculator.DaysPerYear / 12), 1), kwh, currentTariff, bills, bills[0].TariffCode, saving);
    }
}
