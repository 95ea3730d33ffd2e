using System.Runtime.InteropServices;

namespace GridCare.Analytics.Reliability;

/// <summary>
/// Computes IEEE 1366-2022 and DL/T 836 reliability indices from customer interruptions. It knows nothing of files,
/// databases or HTTP: the command line feeds it rows of a CSV file, the outage screens will feed it the interruptions
/// of one org unit or feeder with that scope's customers served.
/// </summary>
public static class ReliabilityCalculator
{
    /// <summary>
    /// The report of a whole system: its major event days are the days of the period whose own SAIDI exceeds
    /// <paramref name="threshold"/> (none without a threshold).
    /// </summary>
    public static ReliabilityReport Calculate(IEnumerable<CustomerInterruption> interruptions, ReliabilitySettings settings, MajorEventThreshold? threshold = null)
    {
        var (inPeriod, outside) = InPeriod(interruptions, settings);
        var majorEventDays = threshold is null
            ? []
            : Daily(inPeriod, settings).Where(d => threshold.IsMajorEvent(d.SaidiMinutes)).Select(d => d.Date).ToHashSet();
        return Report(inPeriod, outside, settings, threshold, majorEventDays);
    }

    /// <summary>
    /// The report of part of a system (an org unit, a feeder) on the major event days found for the whole system:
    /// IEEE 1366 identifies major event days at the level of the reporting utility, and a feeder's indices leave out
    /// the same days.
    /// </summary>
    public static ReliabilityReport Calculate(IEnumerable<CustomerInterruption> interruptions, ReliabilitySettings settings, IReadOnlySet<DateOnly> majorEventDays)
    {
        ArgumentNullException.ThrowIfNull(majorEventDays);
        var (inPeriod, outside) = InPeriod(interruptions, settings);
        return Report(inPeriod, outside, settings, null, majorEventDays);
    }

    /// <summary>Daily SAIDI of each day of the period that had a sustained interruption: the history of later periods.</summary>
    public static IReadOnlyList<DailySaidi> DailySaidi(IEnumerable<CustomerInterruption> interruptions, ReliabilitySettings settings) =>
        Daily(InPeriod(interruptions, settings).InPeriod, settings);

    private static (List<CustomerInterruption> InPeriod, int Outside) InPeriod(IEnumerable<CustomerInterruption> interruptions, ReliabilitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(interruptions);
        ArgumentNullException.ThrowIfNull(settings);
        var inPeriod = new List<CustomerInterruption>();
        var outside = 0;
        foreach (var interruption in interruptions)
        {
            if (settings.Period.Contains(interruption.InterruptedAt))
            {
                inPeriod.Add(interruption);
            }
            else
            {
                outside++;
            }
        }

        return (inPeriod, outside);
    }

    private static List<DailySaidi> Daily(List<CustomerInterruption> inPeriod, ReliabilitySettings settings) =>
        inPeriod.Where(i => i.Duration > settings.MomentaryLimit)
            .GroupBy(i => settings.Period.DayOf(i.InterruptedAt))
            .Select(day => new DailySaidi(day.Key, day.Sum(i => i.Duration.TotalMinutes) / settings.CustomersServed))
            .OrderBy(d => d.Date)
            .ToList();

    private static ReliabilityReport Report(
        List<CustomerInterruption> inPeriod, int outside, ReliabilitySettings settings, MajorEventThreshold? threshold, IReadOnlySet<DateOnly> majorEventDays)
    {
        var normalDays = inPeriod.Where(i => !majorEventDays.Contains(settings.Period.DayOf(i.InterruptedAt))).ToList();
        var medSaidi = Daily(inPeriod, settings).Where(d => majorEventDays.Contains(d.Date)).ToDictionary(d => d.Date, d => d.SaidiMinutes);
        var days = majorEventDays.Where(d => settings.Period.Contains(d)).Order().Select(d => new DailySaidi(d, medSaidi.GetValueOrDefault(d))).ToList();
        return new ReliabilityReport(settings, Indices(inPeriod, settings), Indices(normalDays, settings), threshold, days, outside);
    }

    private static ReliabilityIndices Indices(List<CustomerInterruption> interruptions, ReliabilitySettings settings)
    {
        long sustained = 0, momentary = 0, shortage = 0;
        double minutes = 0, shortageMinutes = 0;
        var sustainedPerCustomer = new Dictionary<string, int>(StringComparer.Ordinal);
        var momentaryEvents = new HashSet<(string EventId, string CustomerId)>();
        var lockouts = new HashSet<(string EventId, string CustomerId)>();
        foreach (var interruption in interruptions)
        {
            var key = (interruption.EventId, interruption.CustomerId);
            if (interruption.Duration > settings.MomentaryLimit)
            {
                sustained++;
                minutes += interruption.Duration.TotalMinutes;
                CollectionsMarshal.GetValueRefOrAddDefault(sustainedPerCustomer, interruption.CustomerId, out _)++;
                lockouts.Add(key);
                if (interruption.Cause == InterruptionCause.SupplyShortage)
                {
                    shortage++;
                    shortageMinutes += interruption.Duration.TotalMinutes;
                }
            }
            else
            {
                momentary++;
                momentaryEvents.Add(key);
            }
        }

        // IEEE 1366 MAIFI_E: the reclosings of one event are one momentary event for a customer, and an event that
        // ends in a lockout is that customer's sustained interruption, not also a momentary event.
        momentaryEvents.ExceptWith(lockouts);
        if (sustainedPerCustomer.Count > settings.CustomersServed)
        {
            throw new ArgumentException(
                $"{sustainedPerCustomer.Count} distinct customers had a sustained interruption, more than the {settings.CustomersServed} served.", nameof(interruptions));
        }

        var eventsPerCustomer = new Dictionary<string, int>(sustainedPerCustomer, StringComparer.Ordinal);
        foreach (var (_, customer) in momentaryEvents)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(eventsPerCustomer, customer, out _)++;
        }

        double Share(Dictionary<string, int> perCustomer, int n) => perCustomer.Values.Count(count => count > n) / (double)settings.CustomersServed;
        return new ReliabilityIndices(
            settings.CustomersServed,
            settings.Period.Minutes,
            sustained,
            minutes,
            sustainedPerCustomer.Count,
            momentary,
            momentaryEvents.Count,
            shortage,
            shortageMinutes,
            settings.CemiThresholds.Distinct().Order().ToDictionary(n => n, n => Share(sustainedPerCustomer, n)),
            settings.CemiThresholds.Distinct().Order().ToDictionary(n => n, n => Share(eventsPerCustomer, n)));
    }
}
