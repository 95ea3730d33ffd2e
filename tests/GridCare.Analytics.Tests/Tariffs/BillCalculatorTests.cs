using GridCare.Analytics.Tariffs;

namespace GridCare.Analytics.Tests.Tariffs;

/// <summary>Bills worked out by hand; the arithmetic is beside each assertion. Prices in yuan/kWh.</summary>
public sealed class BillCalculatorTests
{
    private static readonly Tariff Flat = new("flat", "Flat", TariffKind.Flat, 0.5, BlockPeriod.Monthly, [], []);

    private static readonly Tariff MonthlyTiers = new(
        "tiered-month", "Tiered by month", TariffKind.Tiered, 0, BlockPeriod.Monthly, [new(200, 0.5), new(400, 0.55), new(null, 0.8)], []);

    private static readonly Tariff AnnualTiers = new(
        "tiered-year", "Tiered by year", TariffKind.Tiered, 0, BlockPeriod.Annual, [new(3000, 0.4556), new(4700, 0.5056), new(null, 0.7556)], []);

    // Guizhou's industrial periods with the illustrative prices: valley 00–08, peak 10–13 and 17–22, flat otherwise.
    private static readonly Tariff TimeOfUse = new("tou", "Peak/valley", TariffKind.TimeOfUse, 0, BlockPeriod.Monthly, [], [
        new("valley", 0, 480, 0.240), new("flat", 480, 600, 0.562), new("peak", 600, 780, 0.884), new("flat", 780, 1020, 0.562),
        new("peak", 1020, 1320, 0.884), new("flat", 1320, 1440, 0.562)]);

    [Fact]
    public void Price_TimeOfUse_AddsEachHourAtItsPeriodPrice()
    {
        var days = Days(new DateOnly(2026, 6, 1), 30, _ => 1);

        var bill = BillCalculator.Price(TimeOfUse, days);

        // 1 kWh every hour: 8 h valley, 8 h flat, 8 h peak a day = 8 × (0.240 + 0.562 + 0.884) = 13.488 yuan.
        Assert.Equal(30 * 13.488, bill.PeriodYuan, 9);
        Assert.Equal(365 * 13.488, bill.AnnualYuan, 9);
        Assert.Equal(720, bill.Kwh, 9);
    }

    [Fact]
    public void Price_TimeOfUse_ShiftingLoadToTheValley_CostsLess()
    {
        var evening = BillCalculator.Price(TimeOfUse, Days(new DateOnly(2026, 6, 1), 1, h => h == 19 ? 10 : 0));
        var night = BillCalculator.Price(TimeOfUse, Days(new DateOnly(2026, 6, 1), 1, h => h == 2 ? 10 : 0));

        Assert.Equal(8.84, evening.PeriodYuan, 9);
        Assert.Equal(2.40, night.PeriodYuan, 9);
    }

    [Fact]
    public void Price_MonthlyTiers_FullMonth_FillsTheBlocksInOrder()
    {
        // June has 30 days; 10 kWh a day = 300 kWh = 200 × 0.5 + 100 × 0.55 = 155 yuan.
        var bill = BillCalculator.Price(MonthlyTiers, Days(new DateOnly(2026, 6, 1), 30, _ => 10 / 24.0));

        Assert.Equal(155, bill.PeriodYuan, 9);
        Assert.Equal(155 * 365 / 30.0, bill.AnnualYuan, 9);
    }

    [Fact]
    public void Price_MonthlyTiers_HalfMonth_PricesLikeHalfOfTheFullMonth()
    {
        // 15 June days of 10 kWh: the month would reach 300 kWh (155 yuan), so the 15 days cost half of it.
        var bill = BillCalculator.Price(MonthlyTiers, Days(new DateOnly(2026, 6, 1), 15, _ => 10 / 24.0));

        Assert.Equal(77.5, bill.PeriodYuan, 9);
    }

    [Fact]
    public void Price_AnnualTiers_FullYear_CrossesIntoTheSecondBlock()
    {
        // 365 × 10 = 3,650 kWh = 3,000 × 0.4556 + 650 × 0.5056 = 1,366.8 + 328.64 = 1,695.44 yuan.
        var bill = BillCalculator.Price(AnnualTiers, Days(new DateOnly(2025, 1, 1), 365, _ => 10 / 24.0));

        Assert.Equal(1695.44, bill.AnnualYuan, 9);
        Assert.Equal(1695.44, bill.PeriodYuan, 9);
    }

    [Fact]
    public void Tiered_IntoTheOpenBlock_UsesEveryBlock() =>
        // 5,000 kWh = 1,366.8 + 1,700 × 0.5056 + 300 × 0.7556 = 1,366.8 + 859.52 + 226.68 = 2,453.0
        Assert.Equal(2453.0, BillCalculator.Tiered(AnnualTiers.Blocks, 5000), 9);

    [Fact]
    public void Advise_CheaperTariffExists_RecommendsItWithTheAnnualSaving()
    {
        // Night load: 10 kWh at 02:00 every day for 30 days. Flat 0.5 → 5 yuan/day; TOU valley 0.24 → 2.4 yuan/day.
        var advice = TariffAdvisor.Advise([Flat, TimeOfUse], Days(new DateOnly(2026, 6, 1), 30, h => h == 2 ? 10 : 0), "flat");

        Assert.Equal("tou", advice.Recommended);
        Assert.Equal(Math.Round(365 * (5 - 2.4), 2), advice.AnnualSavingYuan, 9);
        Assert.Equal(30, advice.DaysCovered);
        Assert.Equal(1.0, advice.MonthsCovered);
    }

    [Fact]
    public void Problems_PeriodsWithAGap_AreReported()
    {
        var broken = TimeOfUse with { Periods = [new("valley", 0, 480, 0.24), new("peak", 600, 1440, 0.88)] };

        Assert.Contains(broken.Problems(), p => p.Contains("08:00", StringComparison.Ordinal));
        Assert.Empty(TimeOfUse.Problems());
        Assert.Empty(AnnualTiers.Problems());
    }

    private static List<DayUsage> Days(DateOnly first, int count, Func<int, double> kwhByHour) =>
        [.. Enumerable.Range(0, count).Select(d => new DayUsage(first.AddDays(d), [.. Enumerable.Range(0, 24).Select(kwhByHour)]))];
}
