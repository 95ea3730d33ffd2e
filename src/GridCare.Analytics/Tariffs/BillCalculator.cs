namespace GridCare.Analytics.Tariffs;

/// <summary>A customer's consumption on one local day, per interval from midnight (96 values for 15-minute data).</summary>
public sealed record DayUsage(DateOnly Day, IReadOnlyList<double> Kwh);

/// <summary>
/// The cost of the covered days and the estimate for a year. <see cref="AnnualYuan"/> equals the sum of twelve
/// monthly bills when a full year is covered; with fewer days it scales the days covered to 365, so it is an estimate
/// and <see cref="DaysCovered"/> says how much data it stands on.
/// </summary>
public sealed record Bill(string TariffCode, int DaysCovered, double Kwh, double PeriodYuan, double AnnualYuan);

/// <summary>Prices consumption under a tariff.</summary>
public static class BillCalculator
{
    public const double DaysPerYear = 365;

    public static Bill Price(Tariff tariff, IReadOnlyList<DayUsage> days)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        ArgumentNullException.ThrowIfNull(days);
        var covered = days.Count;
        var kwh = days.Sum(d => d.Kwh.Sum());
        if (covered == 0)
        {
            return new Bill(tariff.Code, 0, 0, 0, 0);
        }

        var scale = DaysPerYear / covered;
        var annual = tariff.Kind switch
        {
            TariffKind.Flat => kwh * tariff.FlatPrice * scale,
            TariffKind.TimeOfUse => days.Sum(TimeOfUseCost) * scale,
            TariffKind.Tiered when tariff.BlockPeriod == BlockPeriod.Annual => Tiered(tariff.Blocks, kwh * scale),
            TariffKind.Tiered => MonthlyTiers(tariff.Blocks, days) * scale,
            _ => throw new ArgumentOutOfRangeException(nameof(tariff)),
        };
        return new Bill(tariff.Code, covered, kwh, annual / scale, annual);

        double TimeOfUseCost(DayUsage day)
        {
            var interval = 1440 / Math.Max(1, day.Kwh.Count);
            var cost = 0.0;
            for (var i = 0; i < day.Kwh.Count; i++)
            {
                var minute = i * interval;
                cost += day.Kwh[i] * (tariff.Periods.FirstOrDefault(p => p.Covers(minute))?.Price ?? 0);
            }

            return cost;
        }
    }

    /// <summary>The cost of <paramref name="kwh"/> through the blocks.</summary>
    public static double Tiered(IReadOnlyList<TariffBlock> blocks, double kwh)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var cost = 0.0;
        var below = 0.0;
        foreach (var block in blocks)
        {
            var top = block.UpToKwh ?? double.PositiveInfinity;
            if (kwh <= below)
            {
                break;
            }

            cost += (Math.Min(kwh, top) - below) * block.Price;
            below = top;
        }

        return cost;
    }

    // Monthly blocks apply to a whole month's kWh, so a partly covered month is scaled up to its full length to find
    // its blocks, and its bill scaled back to the days covered: 15 days of 10 kWh price like half of a 300 kWh month.
    private static double MonthlyTiers(IReadOnlyList<TariffBlock> blocks, IReadOnlyList<DayUsage> days) =>
        days.GroupBy(d => (d.Day.Year, d.Day.Month)).Sum(month =>
        {
            var length = DateTime.DaysInMonth(month.Key.Year, month.Key.Month);
            var share = (double)month.Count() / length;
            return Tiered(blocks, month.Sum(d => d.Kwh.Sum()) / share) * share;
        });
}
