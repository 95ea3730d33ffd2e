namespace GridCare.Analytics.Tariffs;

public enum TariffKind
{
    /// <summary>One price per kWh.</summary>
    Flat,

    /// <summary>阶梯电价: the price rises in blocks of consumption per month or per year.</summary>
    Tiered,

    /// <summary>峰谷分时: the price depends on the time of day.</summary>
    TimeOfUse,
}

/// <summary>Whether a tiered tariff's blocks count each month's kWh or the year's.</summary>
public enum BlockPeriod
{
    Monthly,
    Annual,
}

/// <summary>A block of a tiered tariff: kWh up to <see cref="UpToKwh"/> (the last block has none) at a price in yuan/kWh.</summary>
public sealed record TariffBlock(double? UpToKwh, double Price);

/// <summary>A time-of-use period from <see cref="FromMinute"/> to <see cref="ToMinute"/> (minutes after local midnight, end excluded; it may wrap past midnight).</summary>
public sealed record TariffPeriod(string Name, int FromMinute, int ToMinute, double Price)
{
    public bool Covers(int minute) => FromMinute < ToMinute ? minute >= FromMinute && minute < ToMinute : minute >= FromMinute || minute < ToMinute;
}

/// <summary>A tariff to price a customer's consumption under; prices in yuan/kWh.</summary>
public sealed record Tariff(string Code, string Name, TariffKind Kind, double FlatPrice, BlockPeriod BlockPeriod, IReadOnlyList<TariffBlock> Blocks, IReadOnlyList<TariffPeriod> Periods)
{
    /// <summary>What is wrong with the definition, empty when it can price a bill.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        switch (Kind)
        {
            case TariffKind.Flat when !(FlatPrice >= 0):
                problems.Add("flatPrice must be zero or more");
                break;
            case TariffKind.Tiered:
                if (Blocks.Count == 0 || Blocks[^1].UpToKwh is not null || Blocks.Take(Blocks.Count - 1).Any(b => b.UpToKwh is null))
                {
                    problems.Add("blocks must end with one open block (no upper limit) and have limits before it");
                }
                else if (Blocks.Zip(Blocks.Skip(1)).Any(p => p.Second.UpToKwh is { } next && next <= p.First.UpToKwh) || Blocks[0].UpToKwh <= 0)
                {
                    problems.Add("block limits must rise");
                }

                if (Blocks.Any(b => !(b.Price >= 0)))
                {
                    problems.Add("block prices must be zero or more");
                }

                break;
            case TariffKind.TimeOfUse:
                for (var minute = 0; minute < 1440; minute++)
                {
                    var count = Periods.Count(p => p.Covers(minute));
                    if (count != 1)
                    {
                        problems.Add($"periods must cover every minute of the day exactly once ({minute / 60:00}:{minute % 60:00} is covered {count} times)");
                        break;
                    }
                }

                if (Periods.Any(p => !(p.Price >= 0)))
                {
                    problems.Add("period prices must be zero or more");
                }

                break;
        }

        return problems;
    }
}
