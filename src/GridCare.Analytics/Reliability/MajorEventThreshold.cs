namespace GridCare.Analytics.Reliability;

/// <summary>
/// Which standard deviation β is. IEEE 1366 says "standard deviation" without choosing; the two differ by a factor
/// √(n/(n−1)), which matters for short histories (a few months of days) and hardly at all for five years.
/// </summary>
public enum DeviationConvention
{
    /// <summary>Divide by n − 1: the estimate from a sample, as spreadsheets' STDEV/STDEV.S compute it. The default.</summary>
    Sample,

    /// <summary>Divide by n: the history taken as the whole population, as STDEV.P computes it.</summary>
    Population,
}

/// <summary>
/// The IEEE 1366 2.5 beta threshold: α and β are the mean and standard deviation of ln(daily SAIDI) over the history
/// (up to the five most recent years), days without interruptions dropped since ln 0 is undefined, and
/// T_MED = exp(α + 2.5 β). A day of the reporting period whose SAIDI exceeds T_MED is a major event day.
/// </summary>
public sealed record MajorEventThreshold(double Alpha, double Beta, double TMedMinutes, int DaysUsed, DeviationConvention Deviation)
{
    public const double Multiplier = 2.5;

    /// <summary>The threshold from a history of daily SAIDI values in minutes; days of zero are left out.</summary>
    public static MajorEventThreshold FromHistory(IEnumerable<double> dailySaidiMinutes, DeviationConvention deviation)
    {
        ArgumentNullException.ThrowIfNull(dailySaidiMinutes);
        var logs = new List<double>();
        foreach (var saidi in dailySaidiMinutes)
        {
            if (saidi < 0 || !double.IsFinite(saidi))
            {
                throw new ArgumentException($"Daily SAIDI is a finite number of minutes ≥ 0, not {saidi}.", nameof(dailySaidiMinutes));
            }

            if (saidi > 0)
            {
                logs.Add(Math.Log(saidi));
            }
        }

        if (logs.Count < 2)
        {
            throw new ArgumentException($"The 2.5 beta method needs at least two days with SAIDI above zero; the history has {logs.Count}.", nameof(dailySaidiMinutes));
        }

        var alpha = logs.Average();
        var squares = logs.Sum(l => (l - alpha) * (l - alpha));
        var divisor = deviation switch
        {
            DeviationConvention.Sample => logs.Count - 1,
            DeviationConvention.Population => logs.Count,
        };
        var beta = Math.Sqrt(squares / divisor);
        return new MajorEventThreshold(alpha, beta, Math.Exp(alpha + (Multiplier * beta)), logs.Count, deviation);
    }

    /// <summary>Whether a day with this SAIDI is a major event day: strictly above the threshold.</summary>
    public bool IsMajorEvent(double dailySaidiMinutes) => dailySaidiMinutes > TMedMinutes;
}
