using GridCare.Analytics.Reliability;

namespace GridCare.Analytics.Tests.Reliability;

public class ReliabilityCalculatorTests
{
    private const int Digits = 10;

    private static ReliabilityIndices All => ReliabilityCalculator.Calculate(HandExample.Interruptions, HandExample.Settings).All;

    [Fact]
    public void Calculate_HandExample_SustainedIndices()
    {
        // Sustained (> 5 min): E1 4 customers, 60+60+60+150 = 330 min; E2 1, 30; E4 1, 130; E5 C09 1, 5.5; E6 2, 240.
        // Σ N_i = 9, Σ r_i·N_i = 330 + 30 + 130 + 5.5 + 240 = 735.5 min, N_T = 10.
        // CN = {C01, C02, C03, C04, C07, C09} = 6.
        var all = All;

        Assert.Equal(9, all.CustomerInterruptions);
        Assert.Equal(735.5, all.CustomerMinutesInterrupted, Digits);
        Assert.Equal(6, all.CustomersInterrupted);
        Assert.Equal(0.9, all.Saifi, Digits);                      // 9 / 10
        Assert.Equal(73.55, all.Saidi, Digits);                    // 735.5 / 10 minutes
        Assert.Equal(735.5 / 9, all.Caidi!.Value, Digits);         // 73.55 / 0.9 = 81.722… minutes
        Assert.Equal(1.5, all.Caifi!.Value, Digits);               // 9 / 6
        Assert.Equal(735.5 / 6, all.Ctaidi!.Value, Digits);        // 122.583… minutes
        Assert.Equal(1 - (735.5 / 144_000), all.Asai, Digits);     // 1 − 735.5 / (10 × 14,400) = 0.994892361…
    }

    [Fact]
    public void Calculate_HandExample_MomentaryIndices()
    {
        // Momentary rows (≤ 5 min): E3 5 (C05 ×2, C06 ×2, C03 ×1), E4 1 (C07's reclosing), E5 1 (C08, exactly 5:00) = 7.
        // Momentary events, one per customer and event: E3 C05, C06, C03 = 3; E4 none, C07's event ended in a
        // lockout and counts as its sustained interruption; E5 C08 = 1. Total 4.
        var all = All;

        Assert.Equal(7, all.MomentaryInterruptions);
        Assert.Equal(4, all.MomentaryEvents);
        Assert.Equal(0.7, all.Maifi, Digits);    // 7 / 10
        Assert.Equal(0.4, all.MaifiE, Digits);   // 4 / 10
    }

    [Fact]
    public void Calculate_HandExample_CemiAndCemsmi()
    {
        // Sustained interruptions per customer: C01 3 (E1, E2, E6), C02 2 (E1, E6), C03, C04, C07, C09 1 each.
        // With momentary events: C03 2 (E1 + E3), C05, C06, C08 1 each, the others as above.
        var all = All;

        Assert.Equal(0.6, all.Cemi[0], Digits);     // more than 0: 6 customers / 10
        Assert.Equal(0.2, all.Cemi[1], Digits);     // more than 1: C01, C02
        Assert.Equal(0.1, all.Cemi[2], Digits);     // more than 2: C01
        Assert.Equal(0.0, all.Cemi[3], Digits);
        Assert.Equal(0.9, all.Cemsmi[0], Digits);   // C01–C09 all had something
        Assert.Equal(0.3, all.Cemsmi[1], Digits);   // C01 3, C02 2, C03 2
        Assert.Equal(0.1, all.Cemsmi[2], Digits);   // C01
        Assert.Equal(0.0, all.Cemsmi[3], Digits);
    }

    [Fact]
    public void Calculate_HandExample_DlT836Indices()
    {
        // AIHC-1 = SAIDI in hours = 73.55 / 60 = 1.2258… h; AITC-1 = SAIFI = 0.9.
        // RS-1 = (1 − 1.2258… / 240 h) × 100 = (1 − 735.5 / 144,000) × 100 = 99.489236…%.
        // RS-3 leaves out E6's 240 customer minutes of supply shortage: (1 − 495.5 / 144,000) × 100 = 99.655902…%.
        var all = All;

        Assert.Equal(73.55 / 60, all.Aihc1Hours, Digits);
        Assert.Equal(0.9, all.Aitc1, Digits);
        Assert.Equal((1 - (735.5 / 144_000)) * 100, all.Rs1Percent, Digits);
        Assert.Equal((1 - (495.5 / 144_000)) * 100, all.Rs3Percent, Digits);
        Assert.Equal(2, all.SupplyShortageCustomerInterruptions);
    }

    [Fact]
    public void Calculate_InterruptionStartingAtTheEndOfThePeriod_IsLeftOut()
    {
        // E7 (C10, 60 min) begins at the first instant after the period; counted, CN would be 7 and SAIFI 1.0.
        var report = ReliabilityCalculator.Calculate(HandExample.Interruptions, HandExample.Settings);

        Assert.Equal(1, report.InterruptionsOutsidePeriod);
        Assert.Equal(6, report.All.CustomersInterrupted);
    }

    [Fact]
    public void Calculate_FiveMinutesExactly_IsMomentary_AndOneSecondMoreIsSustained()
    {
        var settings = HandExample.Settings;
        var report = ReliabilityCalculator.Calculate(
            [
                HandExample.Row("A", "C01", "2024-01-03T09:00:00+08:00", "2024-01-03T09:05:00+08:00"),
                HandExample.Row("B", "C02", "2024-01-03T09:00:00+08:00", "2024-01-03T09:05:01+08:00"),
            ],
            settings);

        Assert.Equal(1, report.All.MomentaryInterruptions);
        Assert.Equal(1, report.All.CustomerInterruptions);
    }

    [Fact]
    public void Calculate_OnlyMomentaryInterruptions_LeavesTheRatiosOfInterruptedCustomersUndefined()
    {
        var report = ReliabilityCalculator.Calculate([HandExample.Row("A", "C01", "2024-01-03T09:00:00+08:00", "2024-01-03T09:00:02+08:00")], HandExample.Settings);

        Assert.Equal(0, report.All.Saifi);
        Assert.Equal(1, report.All.Asai);
        Assert.Null(report.All.Caidi);
        Assert.Null(report.All.Caifi);
        Assert.Null(report.All.Ctaidi);
        Assert.Equal(0.1, report.All.MaifiE, Digits);
    }

    [Fact]
    public void Calculate_MoreCustomersInterruptedThanServed_Throws()
    {
        var settings = new ReliabilitySettings(3, HandExample.Period);

        Assert.Throws<ArgumentException>(() => ReliabilityCalculator.Calculate(HandExample.Interruptions, settings));
    }

    [Fact]
    public void DailySaidi_HandExample_SumsTheSustainedMinutesOfEachStartDay()
    {
        // 01-02 330 / 10 = 33; 01-05 30 / 10 = 3; 01-07 130 / 10 = 13; 01-08 5.5 / 10 = 0.55; 01-09 240 / 10 = 24.
        var daily = ReliabilityCalculator.DailySaidi(HandExample.Interruptions, HandExample.Settings);

        Assert.Equal(
            [new(2024, 1, 2), new(2024, 1, 5), new(2024, 1, 7), new(2024, 1, 8), new(2024, 1, 9)],
            daily.Select(d => d.Date));
        Assert.Equal([33.0, 3.0, 13.0, 0.55, 24.0], daily.Select(d => Math.Round(d.SaidiMinutes, 10)));
    }

    [Fact]
    public void DailySaidi_InterruptionJustAfterLocalMidnight_BelongsToTheLocalDay()
    {
        // 2024-01-03T16:30Z is 2024-01-04 00:30 in China: the day is the 4th, not the 3rd.
        var daily = ReliabilityCalculator.DailySaidi([HandExample.Row("A", "C01", "2024-01-03T16:30:00Z", "2024-01-03T17:30:00Z")], HandExample.Settings);

        Assert.Equal(new DateOnly(2024, 1, 4), Assert.Single(daily).Date);
    }
}
