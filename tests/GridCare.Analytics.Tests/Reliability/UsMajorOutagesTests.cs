using System.Globalization;
using GridCare.Analytics.Reliability;
using nietras.SeparatedValues;

namespace GridCare.Analytics.Tests.Reliability;

/// <summary>
/// A sanity check on real outage records: the U.S. major outages of 2000–2016 (DOE OE-417 via Purdue LASCI,
/// ../shared/data/us_major_outages_2000_2016). Ohio 2011 has 12 events, 11 with a customer count and a restoration
/// time; the state's utilities served 5,505,432 customers. Each event becomes CUSTOMERS.AFFECTED customer
/// interruptions from OUTAGE.START to OUTAGE.RESTORATION, so the engine measures durations from the timestamps while
/// the expectation uses the data set's own OUTAGE.DURATION column. The records give no customer identities, so the
/// indices over customers interrupted (CAIFI, CTAIDI, CEMI) are not checked.
/// </summary>
public class UsMajorOutagesTests
{
    [Fact]
    public void Calculate_Ohio2011_MatchesTheDataSetsOwnDurations()
    {
        var folder = SharedData.RequireFolder("us_major_outages_2000_2016");
        var events = ReadEvents(Path.Combine(folder, "outage_events.csv"), "OH", 2011);
        var customersServed = events[0].TotalCustomers;
        var interruptions = events.SelectMany(e => Enumerable.Range(0, e.Customers)
            .Select(k => new CustomerInterruption(e.Id, $"{e.Id}-{k}", e.Start, e.Restored))).ToList();
        // Recorded in local wall-clock time; one fixed offset keeps each duration as recorded.
        var period = new ReliabilityPeriod(new DateOnly(2011, 1, 1), new DateOnly(2011, 12, 31), TimeSpan.FromHours(-5));

        var all = ReliabilityCalculator.Calculate(interruptions, new ReliabilitySettings(customersServed, period)).All;

        var sustained = events.Where(e => e.DurationMinutes > 5).ToList();
        var customerInterruptions = sustained.Sum(e => (long)e.Customers);
        var customerMinutes = sustained.Sum(e => e.Customers * e.DurationMinutes);
        var momentary = events.Where(e => e.DurationMinutes <= 5).Sum(e => (long)e.Customers);
        Assert.Equal(customerInterruptions, all.CustomerInterruptions);
        Assert.Equal(customerMinutes, all.CustomerMinutesInterrupted, 6);
        Assert.Equal(momentary, all.MomentaryInterruptions);
        // The figures: 269,580 customer interruptions and 968,076,290 customer minutes from three storms and one
        // system operability disruption; the 2,000 customers of an event restored within the minute are momentary.
        Assert.Equal(269_580, all.CustomerInterruptions);
        Assert.Equal(0.04897, Math.Round(all.Saifi, 5));
        Assert.Equal(175.84, Math.Round(all.Saidi, 2));
        Assert.Equal(3591.05, Math.Round(all.Caidi!.Value, 2));
        Assert.Equal(2.93, Math.Round(all.Aihc1Hours, 2));
        Assert.Equal(99.9665, Math.Round(all.Rs1Percent, 4));
        Assert.Equal(0.00036, Math.Round(all.Maifi, 5));
    }

    private sealed record OutageEvent(string Id, DateTimeOffset Start, DateTimeOffset Restored, double DurationMinutes, int Customers, int TotalCustomers);

    private static List<OutageEvent> ReadEvents(string path, string state, int year)
    {
        var events = new List<OutageEvent>();
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        foreach (var row in reader)
        {
            if (row["POSTAL.CODE"].ToString() != state || row["YEAR"].ToString() != year.ToString(CultureInfo.InvariantCulture)
                || row["CUSTOMERS.AFFECTED"].ToString() == "NA" || row["OUTAGE.RESTORATION"].ToString() == "NA")
            {
                continue;
            }

            var customers = (int)double.Parse(row["CUSTOMERS.AFFECTED"].ToString(), CultureInfo.InvariantCulture);
            if (customers == 0)
            {
                continue;
            }

            events.Add(new OutageEvent(
                row["OBS"].ToString(),
                Local(row["OUTAGE.START"].ToString()),
                Local(row["OUTAGE.RESTORATION"].ToString()),
                double.Parse(row["OUTAGE.DURATION"].ToString(), CultureInfo.InvariantCulture),
                customers,
                int.Parse(row["TOTAL.CUSTOMERS"].ToString(), CultureInfo.InvariantCulture)));
        }

        return events;
    }

    private static DateTimeOffset Local(string text) =>
        new(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.FromHours(-5));
}
