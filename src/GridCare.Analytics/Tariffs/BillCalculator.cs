namespace GridCare.Analytics.Tariffs;

/// <summary>A customer's consumption on one local day, per interval from midnight (96 values for 15-minute data).</summary>
public sealed record DayUsage(DateOnly Day, IReadOnlyList<double> Kwh);

/// <summary>
/// A customer's consumption in one calendar month: the days with readings and the kWh per interval of the day summed
/// over them (96 values for 15-minute data). Enough for every tariff kind, and small enough to read for a whole unit.
/// </summary>
public sealed record MonthUsage(int Year, int Month, int Days, IReadOnlyList<double> KwhBySlot)
{
    public double Kwh => KwhBySlot.Sum();

    public static IReadOnlyList<MonthUsage> FromDays(IEnumerable<DayUsage> days) =>
        [.. days.GroupBy(d => (d.Day.Year, d.Day.Month)).OrderBy(g => g.Key).Select(g =>
        {
            var slots = new double[g.Max(d => d.Kwh.Count)];
            foreach (var day in g)
            {
                for (var i = 0; i < day.Kwh.Count; i++)
                {
                    slots[i] += day.Kwh[i];
                }
            }

            return new MonthUsage(g.Key.Year, g.Key.Month, g.Count(), slots);
        })];
}

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

    public static Bill Price(Tariff tariff, IReadOnlyList<DayUsage> days) => Price(tariff, MonthUsage.FromDays(days));

    public static Bill Price(Tariff tariff, IReadOnlyList<MonthUsage> months)
    {
        ArgumentNullException.ThrowIfNull(tariff);
        ArgumentNullException.ThrowIfNull(months);
        var covered = months.Sum(m => m.Days);
        var kwh = months.Sum(m => m.Kwh);
        if (covered == 0)
        {
            return new Bill(tariff.Code, 0, 0, 0, 0);
        }

        var scale = DaysPerYear / covered;
        var annual = tariff.Kind switch
        {
            TariffKind.Flat => kwh * tariff.FlatPrice * scale,
            TariffKind.TimeOfUse => months.Sum(TimeOfUseCost) * scale,
            TariffKind.Tiered when tariff.BlockPeriod == BlockPeriod.Annual => Tiered(tariff.Blocks, kwh * scale),
            TariffKind.Tiered => months.Sum(MonthlyTiers) * scale,
            _ => throw new ArgumentOutOfRangeException(nameof(tariff)),
        };
        return new Bill(tariff.Code, covered, kwh, annual / scale, annual);

        double TimeOfUseCost(MonthUsage month)
        {
            var interval = 1440 / Math.Max(1, month.KwhBySlot.Count);
            var cost = 0.0;
            for (var i = 0; i < month.KwhBySlot.Count; i++)
            {
                var minute = i * interval;
                cost += month.KwhBySlot[i] * (tariff.Periods.FirstOrDefault(p => p.Covers(minute))?.Price ?? 0);
            }

            return cost;
        }

        // Monthly blocks apply to a whole month's kWh, so a partly covered month is scaled up to its full length to
        // find its blocks, and its bill scaled back to the days covered: 15 days of 10 kWh price like half of a
        // 300 kWh month.
        double MonthlyTiers(MonthUsage month)
        {
            var share = (double)month.Days / DateTime.DaysInMonth(month.Year, month.Month);
            return Tiered(tariff.Blocks, month.Kwh / share) * share;
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
}
