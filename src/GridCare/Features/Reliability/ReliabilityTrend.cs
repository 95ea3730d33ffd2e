using System.Globalization;
using GridCare.Analytics.Reliability;

namespace GridCare.Features.Reliability;

/// <summary>The period cut into calendar months (the first and last possibly partial), each through the same engine.</summary>
internal static class ReliabilityTrend
{
    public static List<ReliabilityMonthResponse> ByMonth(
        IReadOnlyList<CustomerInterruption> interruptions, ReliabilitySettings settings, IReadOnlySet<DateOnly> majorEventDays)
    {
        var period = settings.Period;
        var byMonth = interruptions.ToLookup(i => Month(period.DayOf(i.InterruptedAt)));
        var months = new List<ReliabilityMonthResponse>();
        for (var first = Month(period.From); first <= period.To; first = first.AddMonths(1))
        {
            var from = first < period.From ? period.From : first;
            var last = first.AddMonths(1).AddDays(-1);
            var to = last > period.To ? period.To : last;
            var monthSettings = new ReliabilitySettings(settings.CustomersServed, new ReliabilityPeriod(from, to, period.UtcOffset))
            {
                MomentaryLimit = settings.MomentaryLimit,
                CemiThresholds = settings.CemiThresholds,
            };
            var report = ReliabilityCalculator.Calculate(byMonth[first], monthSettings, majorEventDays);
            months.Add(new ReliabilityMonthResponse(
                first.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                GetReliability.PeriodOf(monthSettings.Period),
                ReliabilityIndicesResponse.From(report.All),
                ReliabilityIndicesResponse.From(report.ExcludingMajorEventDays)));
        }

        return months;
    }

    private static DateOnly Month(DateOnly day) => new(day.Year, day.Month, 1);
}
