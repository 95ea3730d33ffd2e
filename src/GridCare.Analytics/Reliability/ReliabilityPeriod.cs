namespace GridCare.Analytics.Reliability;

/// <summary>
/// The reporting period: whole calendar days from <see cref="From"/> to <see cref="To"/> inclusive, in the local time
/// given by <see cref="UtcOffset"/>. Days matter twice: an interruption belongs to the period and to a day (for major
/// event days) by the local day it began on, as IEEE 1366 accrues an interruption to the day it starts.
/// </summary>
public sealed record ReliabilityPeriod
{
    public ReliabilityPeriod(DateOnly from, DateOnly to, TimeSpan utcOffset)
    {
        if (to < from)
        {
            throw new ArgumentException($"The period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        From = from;
        To = to;
        UtcOffset = utcOffset;
        Start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), utcOffset);
        End = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), utcOffset);
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public TimeSpan UtcOffset { get; }

    /// <summary>The first instant of the period.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The first instant after the period.</summary>
    public DateTimeOffset End { get; }

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>T of ASAI and RS-1: the minutes in the period.</summary>
    public double Minutes => (End - Start).TotalMinutes;

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public bool Contains(DateOnly day) => day >= From && day <= To;

    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(UtcOffset).DateTime);
}
