namespace GridCare.Domain.Sla;

/// <summary>The office hours of a working day, in China Standard Time, as one or more periods (a lunch break splits the day).</summary>
public sealed class WorkingHours
{
    public WorkingHours(IEnumerable<WorkingPeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var list = periods.ToList();
        if (list.Count == 0)
        {
            throw new DomainRuleException("A working day needs at least one period of working hours.");
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Start >= list[i].End)
            {
                throw new DomainRuleException($"Working period {list[i].Start}–{list[i].End} ends before it starts.");
            }

            if (i > 0 && list[i].Start < list[i - 1].End)
            {
                throw new DomainRuleException("Working periods must be in order and must not overlap.");
            }
        }

        Periods = list;
        TimePerDay = TimeSpan.FromTicks(list.Sum(p => (p.End - p.Start).Ticks));
    }

    /// <summary>08:30–12:00 and 14:00–17:30, the business hours common at supply bureaus and their counters.</summary>
    public static WorkingHours Default { get; } = new(
    [
        new WorkingPeriod(new TimeOnly(8, 30), new TimeOnly(12, 0)),
        new WorkingPeriod(new TimeOnly(14, 0), new TimeOnly(17, 30)),
    ]);

    public IReadOnlyList<WorkingPeriod> Periods { get; }

    /// <summary>The working time of one working day: 7 hours with the default hours.</summary>
    public TimeSpan TimePerDay { get; }

    /// <summary>When the working day ends: the end of its last period.</summary>
    public TimeOnly Close => Periods[^1].End;
}
