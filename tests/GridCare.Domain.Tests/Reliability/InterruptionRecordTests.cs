using GridCare.Domain.Reliability;

namespace GridCare.Domain.Tests.Reliability;

public class InterruptionRecordTests
{
    // 2026-03-01 23:30 in China is still 15:30 UTC on the same day; 16:30 UTC is 00:30 the next China day.
    private static readonly DateTime LateEvening = new(2026, 3, 1, 15, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Start_InstantAfterChinaMidnight_BelongsToTheChinaDay()
    {
        var record = InterruptionRecord.Start(7, "outage-7", 42, 3, 11, LateEvening.AddHours(1), planned: true);

        Assert.Equal(new DateOnly(2026, 3, 2), record.InterruptedOn);
        Assert.Null(record.RestoredAt);
        Assert.Null(record.DurationSeconds);
        Assert.True(record.Planned);
        Assert.False(record.SupplyShortage);
    }

    [Fact]
    public void Restore_AfterTheInterruption_KeepsTheDurationInSeconds()
    {
        var record = InterruptionRecord.Start(null, "storm", 42, 3, null, LateEvening, planned: false, supplyShortage: true);

        record.Restore(LateEvening.AddMinutes(95).AddSeconds(20));

        Assert.Equal(new DateOnly(2026, 3, 1), record.InterruptedOn);
        Assert.Equal(LateEvening.AddMinutes(95).AddSeconds(20), record.RestoredAt);
        Assert.Equal((95 * 60) + 20, record.DurationSeconds);
        Assert.True(record.SupplyShortage);
    }

    [Fact]
    public void Restore_Twice_Throws()
    {
        var record = InterruptionRecord.Start(null, "e", 1, 1, null, LateEvening, planned: false);
        record.Restore(LateEvening.AddMinutes(3));

        Assert.Throws<DomainRuleException>(() => record.Restore(LateEvening.AddMinutes(4)));
    }

    [Fact]
    public void Restore_BeforeTheInterruption_Throws()
    {
        var record = InterruptionRecord.Start(null, "e", 1, 1, null, LateEvening, planned: false);

        Assert.Throws<DomainRuleException>(() => record.Restore(LateEvening.AddSeconds(-1)));
    }

    [Fact]
    public void Start_LocalTimeOrBlankKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => InterruptionRecord.Start(null, "e", 1, 1, null, DateTime.SpecifyKind(LateEvening, DateTimeKind.Unspecified), planned: false));
        Assert.Throws<ArgumentException>(() => InterruptionRecord.Start(null, " ", 1, 1, null, LateEvening, planned: false));
    }
}
