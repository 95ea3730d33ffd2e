using GridCare.Analytics.Reliability;

namespace GridCare.Analytics.Tests.Reliability;

/// <summary>The 2.5 beta method on <see cref="HandExample.History"/>: ln values 0, 0, ln 4, ln 4, α = ln 2.</summary>
public class MajorEventDayTests
{
    private const int Digits = 10;

    [Fact]
    public void FromHistory_Population_DividesByN()
    {
        // Σ (ln x − α)² = 4 × (ln 2)²; / n = 4 → β = ln 2.
        // T_MED = exp(ln 2 + 2.5 ln 2) = 2^3.5 = 11.3137… minutes.
        var threshold = MajorEventThreshold.FromHistory(HandExample.History, DeviationConvention.Population);

        Assert.Equal(Math.Log(2), threshold.Alpha, Digits);
        Assert.Equal(Math.Log(2), threshold.Beta, Digits);
        Assert.Equal(Math.Pow(2, 3.5), threshold.TMedMinutes, Digits);
        Assert.Equal(11.3137084990, threshold.TMedMinutes, Digits);
        Assert.Equal(4, threshold.DaysUsed);
    }

    [Fact]
    public void FromHistory_Sample_DividesByNMinusOne()
    {
        // Σ (ln x − α)² = 4 × (ln 2)²; / (n − 1) = 3 → β = ln 2 × √(4/3) = 0.800377…
        // T_MED = exp(ln 2 × (1 + 2.5 √(4/3))) = 2^3.886751… = 14.7925… minutes.
        var threshold = MajorEventThreshold.FromHistory(HandExample.History, DeviationConvention.Sample);

        Assert.Equal(Math.Log(2), threshold.Alpha, Digits);
        Assert.Equal(Math.Log(2) * Math.Sqrt(4.0 / 3), threshold.Beta, Digits);
        Assert.Equal(Math.Pow(2, 1 + (2.5 * Math.Sqrt(4.0 / 3))), threshold.TMedMinutes, Digits);
        Assert.Equal(14.79, Math.Round(threshold.TMedMinutes, 2));
    }

    [Fact]
    public void FromHistory_FewerThanTwoDaysAboveZero_Throws()
    {
        Assert.Throws<ArgumentException>(() => MajorEventThreshold.FromHistory([0, 0, 3.2], DeviationConvention.Sample));
    }

    [Fact]
    public void Calculate_PopulationThreshold_ThreeMajorEventDays()
    {
        // Daily SAIDI 01-02 33, 01-05 3, 01-07 13, 01-08 0.55, 01-09 24. Above 11.31: 01-02, 01-07, 01-09.
        // Left: E2 (C01 30 min), E3 (momentary), E5 (C08 momentary, C09 5.5 min).
        // Σ N_i = 2, Σ r_i·N_i = 35.5 → SAIFI 0.2, SAIDI 3.55, CAIDI = CTAIDI = 17.75 (CN = 2);
        // momentary rows 5 + 1 = 6 → MAIFI 0.6; events C05, C06, C03, C08 → MAIFI_E 0.4.
        var threshold = MajorEventThreshold.FromHistory(HandExample.History, DeviationConvention.Population);

        var report = ReliabilityCalculator.Calculate(HandExample.Interruptions, HandExample.Settings, threshold);

        Assert.Equal([new(2024, 1, 2), new(2024, 1, 7), new(2024, 1, 9)], report.MajorEventDays.Select(d => d.Date));
        Assert.Equal([33.0, 13.0, 24.0], report.MajorEventDays.Select(d => Math.Round(d.SaidiMinutes, 10)));
        var normal = report.ExcludingMajorEventDays;
        Assert.Equal(0.2, normal.Saifi, Digits);
        Assert.Equal(3.55, normal.Saidi, Digits);
        Assert.Equal(17.75, normal.Caidi!.Value, Digits);
        Assert.Equal(17.75, normal.Ctaidi!.Value, Digits);
        Assert.Equal(0.6, normal.Maifi, Digits);
        Assert.Equal(0.4, normal.MaifiE, Digits);
        Assert.Equal(0.0, normal.Cemi[1], Digits);
        Assert.Equal(normal.Rs1Percent, normal.Rs3Percent, Digits); // E6, the supply shortage, fell on a major event day
        Assert.Equal(73.55, report.All.Saidi, Digits);
    }

    [Fact]
    public void Calculate_SampleThreshold_TwoMajorEventDays()
    {
        // Above 14.79: 01-02 (33) and 01-09 (24); 01-07 (13) is a normal day now.
        // Left: E2, E3, E4, E5. Σ N_i = 3 (C01 30, C07 130, C09 5.5), Σ r_i·N_i = 165.5 → SAIFI 0.3, SAIDI 16.55;
        // CN = 3 → CTAIDI 55.1666…; MAIFI (6 + C07's reclosing) / 10 = 0.7; MAIFI_E stays 0.4 (C07 locked out).
        var threshold = MajorEventThreshold.FromHistory(HandExample.History, DeviationConvention.Sample);

        var report = ReliabilityCalculator.Calculate(HandExample.Interruptions, HandExample.Settings, threshold);

        Assert.Equal([new(2024, 1, 2), new(2024, 1, 9)], report.MajorEventDays.Select(d => d.Date));
        var normal = report.ExcludingMajorEventDays;
        Assert.Equal(0.3, normal.Saifi, Digits);
        Assert.Equal(16.55, normal.Saidi, Digits);
        Assert.Equal(165.5 / 3, normal.Ctaidi!.Value, Digits);
        Assert.Equal(0.7, normal.Maifi, Digits);
        Assert.Equal(0.4, normal.MaifiE, Digits);
    }

    [Fact]
    public void Calculate_WithoutThreshold_HasNoMajorEventDays()
    {
        var report = ReliabilityCalculator.Calculate(HandExample.Interruptions, HandExample.Settings);

        Assert.Empty(report.MajorEventDays);
        Assert.Null(report.Threshold);
        Assert.Equal(report.All.Saidi, report.ExcludingMajorEventDays.Saidi);
    }

    [Fact]
    public void Calculate_FeederOnTheSystemsMajorEventDays_LeavesOutTheSameDays()
    {
        // Feeder of C01–C04 (N_T = 4) on the system's major event day 01-02.
        // Its interruptions: E1 330 min, E2 30, E6 240 (C03's E3 reclosing is momentary). MED SAIDI = 330 / 4 = 82.5.
        // Without 01-02: (30 + 240) / 4 = 67.5 minutes, SAIFI 3 / 4 = 0.75.
        var feeder = HandExample.Interruptions.Where(i => i.CustomerId is "C01" or "C02" or "C03" or "C04");
        var settings = new ReliabilitySettings(4, HandExample.Period);

        var report = ReliabilityCalculator.Calculate(feeder, settings, new HashSet<DateOnly> { new(2024, 1, 2) });

        Assert.Equal(82.5, Assert.Single(report.MajorEventDays).SaidiMinutes, Digits);
        Assert.Equal(67.5, report.ExcludingMajorEventDays.Saidi, Digits);
        Assert.Equal(0.75, report.ExcludingMajorEventDays.Saifi, Digits);
    }
}
