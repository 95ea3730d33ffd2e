using System.Diagnostics;

namespace GridCare.Domain.Sla;

/// <summary>
/// Computes when a target falls due and how long an order has really taken, on one business calendar.
/// </summary>
/// <remarks>
/// Both clocks are a budget of time that is used up only while the clock runs:
/// <list type="bullet">
/// <item>A wall clock runs every minute from the start. A pause shifts the deadline by exactly its length.</item>
/// <item>
/// A working-day clock runs only inside the working hours of working days, from the first working day after the day
/// of the start (the rule of <see cref="BusinessCalendar.WorkingDaysDeadline"/>), and its budget is N whole working
/// days of working hours; without pauses it therefore falls due when the working hours of the N-th day close. A pause
/// shifts the deadline by the working time it covered, added in working hours after the unpaused deadline: waiting
/// two office hours on Tuesday morning moves a 17:30 deadline to 10:30 on the next working day, while waiting over a
/// weekend, a holiday, a night or the day of receipt (which is not counted anyway) moves nothing. This was chosen over
/// rounding to whole days because rounding either hands the bureau a whole day for a five-minute wait or ignores
/// short waits altogether; counting the working time lost is exact and needs no extra rule.
/// </item>
/// </list>
/// Pauses that begin after the clock has run out do not revive it: a breached target stays breached. While an open
/// pause holds a clock that has not run out, there is no deadline (as in Zammad, a pending order has no escalation).
/// </remarks>
public sealed class SlaClock(BusinessCalendar calendar)
{
    public const int DefaultWarningPercent = 80;

    private readonly int warningPercent = DefaultWarningPercent;

    public BusinessCalendar Calendar { get; } = calendar ?? throw new ArgumentNullException(nameof(calendar));

    /// <summary>
    /// How much of a target's time is used up when the order is warned, in percent (1–99): at 80 a 45-minute arrival
    /// is warned after 36 minutes and a 5-working-day reply after 4 working days.
    /// </summary>
    public int WarningPercent
    {
        get => warningPercent;
        init
        {
            if (value is < 1 or > 99)
            {
                throw new DomainRuleException($"The warning is given at 1 % to 99 % of a target's time, not {value} %.");
            }

            warningPercent = value;
        }
    }

    /// <summary>
    /// Which revision of the administrators' SLA settings (calendar and policies) this clock belongs to. An order
    /// remembers the revision it was timed by, so orders timed by older settings can be found and re-timed.
    /// </summary>
    public int SettingsRevision { get; init; }

    /// <summary>When the target falls due for a clock started at <paramref name="startUtc"/> and never paused.</summary>
    public DateTime DueAt(DateTime startUtc, SlaTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        ChinaTime.RequireUtc(startUtc, nameof(startUtc));
        return target.Clock switch
        {
            SlaClockKind.WallClock => startUtc.AddMinutes(target.Amount),
            SlaClockKind.WorkingDays => Calendar.WorkingDaysDeadline(startUtc, target.Amount),
        };
    }

    /// <summary>
    /// When the target falls due for a clock started at <paramref name="startUtc"/> and held by
    /// <paramref name="pauses"/>; null while an open pause holds a clock that has not run out.
    /// </summary>
    public DateTime? DueAt(DateTime startUtc, IEnumerable<SlaPause> pauses, SlaTarget target) =>
        Spend(startUtc, pauses, target, 100);

    /// <summary>
    /// When <see cref="WarningPercent"/> of the target's time is used, on the same clock and with the same pauses as
    /// <see cref="DueAt(DateTime, IEnumerable{SlaPause}, SlaTarget)"/>; null while an open pause holds the clock.
    /// </summary>
    public DateTime? WarningAt(DateTime startUtc, IEnumerable<SlaPause> pauses, SlaTarget target) =>
        Spend(startUtc, pauses, target, WarningPercent);

    /// <summary>
    /// The whole minutes from <paramref name="startUtc"/> to <paramref name="untilUtc"/> outside the pauses: the time
    /// the order really took, as the customer lived it, for reports (e.g. the average restoration time).
    /// </summary>
    public static int MinutesTaken(DateTime startUtc, IEnumerable<SlaPause> pauses, DateTime untilUtc)
    {
        ChinaTime.RequireUtc(startUtc, nameof(startUtc));
        ChinaTime.RequireUtc(untilUtc, nameof(untilUtc));
        if (untilUtc <= startUtc)
        {
            return 0;
        }

        var taken = untilUtc - startUtc;
        foreach (var pause in Merge(pauses))
        {
            var from = pause.Start > startUtc ? pause.Start : startUtc;
            var to = pause.End < untilUtc ? pause.End : untilUtc;
            if (to > from)
            {
                taken -= to - from;
            }
        }

        return (int)taken.TotalMinutes;
    }

    /// <summary>The instant <paramref name="percent"/> % of the target's time is used up.</summary>
    private DateTime? Spend(DateTime startUtc, IEnumerable<SlaPause> pauses, SlaTarget target, int percent)
    {
        ArgumentNullException.ThrowIfNull(target);
        ChinaTime.RequireUtc(startUtc, nameof(startUtc));
        var merged = Merge(pauses);
        return target.Clock switch
        {
            SlaClockKind.WallClock => Spend(
                [(startUtc, DateTime.MaxValue)],
                merged,
                Share(TimeSpan.FromMinutes(target.Amount), percent)),
            SlaClockKind.WorkingDays => Spend(
                Calendar.WorkingTimeFrom(Calendar.AddWorkingDays(ChinaTime.DateOf(startUtc), 1)),
                merged,
                Share(target.Amount * Calendar.WorkingHours.TimePerDay, percent)),
        };
    }

    // In whole ticks, so 80 % of 45 minutes is exactly 36 minutes.
    private static TimeSpan Share(TimeSpan budget, int percent) => TimeSpan.FromTicks(budget.Ticks * percent / 100);

    /// <summary>
    /// Walks the counted intervals in order, skipping paused time, until <paramref name="budget"/> is used up.
    /// </summary>
    private static DateTime? Spend(IEnumerable<(DateTime StartUtc, DateTime EndUtc)> counted, IReadOnlyList<Interval> pauses, TimeSpan budget)
    {
        var remaining = budget;
        var next = 0;
        foreach (var (start, end) in counted)
        {
            var cursor = start;
            while (cursor < end)
            {
                while (next < pauses.Count && pauses[next].End <= cursor)
                {
                    next++;
                }

                if (next < pauses.Count && pauses[next].Start <= cursor)
                {
                    if (pauses[next].IsOpen)
                    {
                        return null;
                    }

                    cursor = pauses[next].End < end ? pauses[next].End : end;
                    continue;
                }

                var runsUntil = next < pauses.Count && pauses[next].Start < end ? pauses[next].Start : end;
                if (runsUntil - cursor >= remaining)
                {
                    return cursor + remaining;
                }

                remaining -= runsUntil - cursor;
                cursor = runsUntil;
            }
        }

        throw new UnreachableException("Counted time is endless.");
    }

    /// <summary>The pauses in order, overlapping ones merged; an open pause absorbs everything after its start.</summary>
    private static List<Interval> Merge(IEnumerable<SlaPause> pauses)
    {
        ArgumentNullException.ThrowIfNull(pauses);
        var merged = new List<Interval>();
        foreach (var pause in pauses.OrderBy(p => p.StartUtc))
        {
            var current = new Interval(pause.StartUtc, pause.EndUtc ?? DateTime.MaxValue, pause.IsOpen);
            if (merged.Count > 0 && current.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new Interval(last.Start, current.End > last.End ? current.End : last.End, last.IsOpen || current.IsOpen);
            }
            else
            {
                merged.Add(current);
            }
        }

        return merged;
    }

    private readonly record struct Interval(DateTime Start, DateTime End, bool IsOpen);
}
