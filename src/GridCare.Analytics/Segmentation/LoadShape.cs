namespace GridCare.Analytics.Segmentation;

/// <summary>The kind of day a cluster's centroid describes; the app layer words each in Chinese and English.</summary>
public enum LoadShape
{
    /// <summary>Most energy after work, peak between 17:00 and 23:00: households.</summary>
    EveningPeak,

    /// <summary>Peaks in the morning and in the evening: households with people at home both times.</summary>
    DoublePeak,

    /// <summary>Energy concentrated in working hours (09:00–17:00): shops, offices, schools.</summary>
    DaytimeCommerce,

    /// <summary>Nearly the same load around the clock (load factor high): continuous industry, pumps, base stations.</summary>
    FlatIndustry,

    /// <summary>Most energy between 22:00 and 06:00: storage heating, night shifts, valley-price users.</summary>
    NightLoad,

    /// <summary>Almost no consumption: vacant premises, seasonal sites (irrigation) out of season.</summary>
    Idle,

    /// <summary>None of the above clearly.</summary>
    Mixed,
}

/// <summary>Shares of the day's energy by time of day and the load factor (mean / peak) of a profile.</summary>
public sealed record ShapeFeatures(double Night, double Morning, double Day, double Evening, double LoadFactor, double PeakHour);

public static class LoadShapeDescriber
{
    /// <summary>A centroid whose highest interval is at most this (kWh, or share of the day) counts as idle.</summary>
    public const double IdleLevel = 1e-3;

    public static ShapeFeatures Features(IReadOnlyList<double> profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var n = profile.Count;
        double Share(double fromHour, double toHour)
        {
            var total = profile.Sum();
            if (total <= 0)
            {
                return 0;
            }

            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                var hour = i * 24.0 / n;
                if (fromHour <= toHour ? hour >= fromHour && hour < toHour : hour >= fromHour || hour < toHour)
                {
                    sum += profile[i];
                }
            }

            return sum / total;
        }

        var max = n == 0 ? 0 : profile.Max();
        var peakIndex = n == 0 ? 0 : profile.ToList().IndexOf(max);
        return new ShapeFeatures(
            Share(22, 6), Share(6, 9), Share(9, 17), Share(17, 22), max > 0 ? profile.Average() / max : 0, peakIndex * 24.0 / Math.Max(1, n));
    }

    /// <summary>
    /// Words for a centroid from its features. The thresholds are judgement, chosen so that textbook shapes land where
    /// an account manager would put them: a flat 24-hour load has a load factor near 1; a household evening peak puts
    /// a third or more of the day into five evening hours (a flat profile would put 21 % there).
    /// </summary>
    public static LoadShape Describe(IReadOnlyList<double> centroid)
    {
        var f = Features(centroid);
        if (centroid.Count == 0 || centroid.Max() <= IdleLevel)
        {
            return LoadShape.Idle;
        }

        if (f.LoadFactor >= 0.7)
        {
            return LoadShape.FlatIndustry;
        }

        if (f.Night >= 0.45)
        {
            return LoadShape.NightLoad;
        }

        if (f.Day >= 0.5 && f.PeakHour is >= 8 and < 18)
        {
            return LoadShape.DaytimeCommerce;
        }

        if (f.Evening >= 0.3 && f.Morning >= 0.18)
        {
            return LoadShape.DoublePeak;
        }

        return f.Evening >= 0.3 && f.PeakHour is >= 17 and < 23 ? LoadShape.EveningPeak : LoadShape.Mixed;
    }
}
