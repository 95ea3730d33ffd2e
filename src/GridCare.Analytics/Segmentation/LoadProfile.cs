namespace GridCare.Analytics.Segmentation;

/// <summary>A customer's average day: energy per interval from midnight, local time (96 values for 15-minute data).</summary>
public sealed record LoadProfile(string CustomerId, IReadOnlyList<double> Values);

/// <summary>How profiles are scaled before clustering, so the clusters group shapes rather than sizes.</summary>
public enum ProfileNormalization
{
    /// <summary>Each profile divided by its day's energy: the share of the day's kWh per interval.</summary>
    Sum,

    /// <summary>Each profile divided by its highest interval: 1 at the peak.</summary>
    Peak,

    /// <summary>Raw kWh: large and small customers fall apart even with the same shape.</summary>
    None,
}

public static class ProfileNormalizer
{
    /// <summary>
    /// The scaled copy of a profile. An all-zero day (a vacant house) stays zero rather than dividing by zero; it then
    /// sits apart from every shape, which is what an analyst wants to see.
    /// </summary>
    public static double[] Normalize(IReadOnlyList<double> values, ProfileNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(values);
        var divisor = normalization switch
        {
            ProfileNormalization.Sum => values.Sum(),
            ProfileNormalization.Peak => values.Count == 0 ? 0 : values.Max(),
            ProfileNormalization.None => 1,
            _ => throw new ArgumentOutOfRangeException(nameof(normalization)),
        };
        return divisor > 0 ? [.. values.Select(v => v / divisor)] : [.. values];
    }
}
