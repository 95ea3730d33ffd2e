using GridCare.Domain.Sla;

namespace GridCare.Domain.Tests.Sla;

public class SlaClockTests
{
    private static readonly SlaClock Clock = new(BusinessCalendar.ChinaMainland());
    private static readonly SlaTarget Arrival45 = SlaTarget.WallClock(SlaTargetKind.Arrival, 45);
    private static readonly SlaTarget Reply5 = SlaTarget.WorkingDays(SlaTargetKind.Reply, 5);

    // The afternoon before the 2026 National Day break; unpaused, a 5-working-day reply is due 2026-10-13 17:30.
    private static readonly DateTime BeforeNationalDay = Cst.At(2026, 9, 30, 15, 0);

    [Fact]
    public void DueAt_WallClockPaused_ShiftsByThePause()
    {
        var start = Cst.At(2026, 5, 6, 10, 0);

        var due = Clock.DueAt(start, [Pause(Cst.At(2026, 5, 6, 10, 10), Cst.At(2026, 5, 6, 10, 40))], Arrival45);

        Assert.Equal(Cst.At(2026, 5, 6, 11, 15), due);
    }

    [Fact]
    public void DueAt_WallClockOverlappingPauses_CountsTheOverlapOnce()
    {
        var start = Cst.At(2026, 5, 6, 10, 0);
        SlaPause[] pauses = [Pause(Cst.At(2026, 5, 6, 10, 20), Cst.At(2026, 5, 6, 10, 40)), Pause(Cst.At(2026, 5, 6, 10, 10), Cst.At(2026, 5, 6, 10, 30))];

        Assert.Equal(Cst.At(2026, 5, 6, 11, 15), Clock.DueAt(start, pauses, Arrival45));
    }

    [Fact]
    public void DueAt_PauseBeforeStartOrAfterDeadline_ChangesNothing()
    {
        var start = Cst.At(2026, 5, 6, 10, 0);
        SlaPause[] pauses = [Pause(Cst.At(2026, 5, 6, 9, 0), Cst.At(2026, 5, 6, 9, 30)), Pause(Cst.At(2026, 5, 6, 11, 0), Cst.At(2026, 5, 6, 12, 0))];

        Assert.Equal(Cst.At(2026, 5, 6, 10, 45), Clock.DueAt(start, pauses, Arrival45));
    }

    [Fact]
    public void DueAt_OpenPauseBeforeDeadline_IsNull()
    {
        var start = Cst.At(2026, 5, 6, 10, 0);

        Assert.Null(Clock.DueAt(start, [new SlaPause(Cst.At(2026, 5, 6, 10, 30), null)], Arrival45));
        Assert.Null(Clock.DueAt(BeforeNationalDay, [new SlaPause(Cst.At(2026, 10, 9, 9, 0), null)], Reply5));
    }

    [Fact]
    public void DueAt_OpenPauseAfterDeadline_KeepsTheBreachedDeadline()
    {
        var start = Cst.At(2026, 5, 6, 10, 0);

        Assert.Equal(Cst.At(2026, 5, 6, 10, 45), Clock.DueAt(start, [new SlaPause(Cst.At(2026, 5, 6, 11, 0), null)], Arrival45));
    }

    [Theory]
    [InlineData(2026, 9, 30, 15, 0, 1)]
    [InlineData(2026, 9, 30, 15, 0, 5)]
    [InlineData(2026, 2, 13, 8, 0, 3)]
    [InlineData(2026, 2, 14, 23, 59, 1)]
    [InlineData(2025, 12, 31, 20, 0, 2)]
    public void DueAt_WorkingDaysWithoutPauses_IsTheCalendarDeadline(int year, int month, int day, int hour, int minute, int days)
    {
        var start = Cst.At(year, month, day, hour, minute);
        var target = SlaTarget.WorkingDays(SlaTargetKind.Reply, days);

        Assert.Equal(Clock.Calendar.WorkingDaysDeadline(start, days), Clock.DueAt(start, [], target));
        Assert.Equal(Clock.DueAt(start, target), Clock.DueAt(start, [], target));
    }

    [Fact]
    public void DueAt_WorkingDaysPausedTwoOfficeHours_MovesIntoTheNextMorning()
    {
        var due = Clock.DueAt(BeforeNationalDay, [Pause(Cst.At(2026, 10, 8, 9, 0), Cst.At(2026, 10, 8, 11, 0))], Reply5);

        Assert.Equal(Cst.At(2026, 10, 14, 10, 30), due);
    }

    [Fact]
    public void DueAt_WorkingDaysPausedOverLunch_CountsOnlyOfficeHours()
    {
        // 11:00–15:00 holds the clock for 11:00–12:00 and 14:00–15:00: two working hours, not four.
        var due = Clock.DueAt(BeforeNationalDay, [Pause(Cst.At(2026, 10, 9, 11, 0), Cst.At(2026, 10, 9, 15, 0))], Reply5);

        Assert.Equal(Cst.At(2026, 10, 14, 10, 30), due);
    }

    [Fact]
    public void DueAt_WorkingDaysPausedOverReceiptDayAndHoliday_DoesNotMove()
    {
        var due = Clock.DueAt(BeforeNationalDay, [Pause(Cst.At(2026, 9, 30, 15, 30), Cst.At(2026, 10, 7, 23, 0))], Reply5);

        Assert.Equal(Cst.At(2026, 10, 13, 17, 30), due);
    }

    [Fact]
    public void DueAt_WorkingDaysPausedAWholeWorkingDay_MovesOneWorkingDay()
    {
        var due = Clock.DueAt(BeforeNationalDay, [Pause(Cst.At(2026, 10, 12, 0, 0), Cst.At(2026, 10, 13, 0, 0))], Reply5);

        Assert.Equal(Cst.At(2026, 10, 14, 17, 30), due);
    }

    [Fact]
    public void DueAt_WorkingDaysPausedAcrossTheMakeUpSaturday_SkipsItsOfficeHours()
    {
        // Waiting from Friday 10/9 17:00 to Monday 10/12 08:30 costs half an hour of Friday and all of Saturday 10/10.
        var due = Clock.DueAt(BeforeNationalDay, [Pause(Cst.At(2026, 10, 9, 17, 0), Cst.At(2026, 10, 12, 8, 30))], Reply5);

        Assert.Equal(Cst.At(2026, 10, 15, 9, 0), due);
    }

    [Fact]
    public void DueAt_StartNotUtc_Fails()
    {
        Assert.Throws<ArgumentException>(() => Clock.DueAt(new DateTime(2026, 5, 6, 10, 0, 0, DateTimeKind.Local), Arrival45));
    }

    [Fact]
    public void MinutesTaken_WithPauses_ExcludesThem()
    {
        var start = Cst.At(2026, 5, 6, 10, 0);
        SlaPause[] pauses = [Pause(Cst.At(2026, 5, 6, 10, 30), Cst.At(2026, 5, 6, 11, 0)), new SlaPause(Cst.At(2026, 5, 6, 11, 45), null)];

        Assert.Equal(75, SlaClock.MinutesTaken(start, pauses, Cst.At(2026, 5, 6, 12, 0)));
        Assert.Equal(30, SlaClock.MinutesTaken(start, pauses, Cst.At(2026, 5, 6, 10, 45)));
    }

    [Fact]
    public void MinutesTaken_UntilBeforeStart_IsZero()
    {
        Assert.Equal(0, SlaClock.MinutesTaken(Cst.At(2026, 5, 6, 10, 0), [], Cst.At(2026, 5, 6, 9, 0)));
    }

    [Fact]
    public void MinutesTaken_AcrossHoliday_CountsEveryMinute()
    {
        Assert.Equal(8 * 24 * 60, SlaClock.MinutesTaken(BeforeNationalDay, [], Cst.At(2026, 10, 8, 15, 0)));
    }

    [Fact]
    public void SlaPause_EndingBeforeItStarts_Fails()
    {
        Assert.Throws<DomainRuleException>(() => Pause(Cst.At(2026, 5, 6, 10, 0), Cst.At(2026, 5, 6, 9, 0)));
    }

    [Fact]
    public void WarningAt_WorkingDaysAcrossNationalDay_IsWhenFourOfFiveWorkingDaysAreUsed()
    {
        // 10/8, 10/9, make-up Saturday 10/10 and 10/12 are the first four working days after the break.
        Assert.Equal(Cst.At(2026, 10, 12, 17, 30), Clock.WarningAt(BeforeNationalDay, [], Reply5));
        Assert.Equal(Cst.At(2026, 10, 13, 17, 30), Clock.DueAt(BeforeNationalDay, [], Reply5));
    }

    [Fact]
    public void WarningAt_WallClockPaused_ShiftsLikeTheDeadline()
    {
        var start = Cst.At(2026, 5, 6, 10, 0);

        var warning = Clock.WarningAt(start, [Pause(Cst.At(2026, 5, 6, 10, 10), Cst.At(2026, 5, 6, 10, 40))], Arrival45);

        Assert.Equal(Cst.At(2026, 5, 6, 11, 6), warning);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void WarningPercent_OutsideOneTo99_Fails(int percent)
    {
        Assert.Throws<DomainRuleException>(() => new SlaClock(BusinessCalendar.ChinaMainland()) { WarningPercent = percent });
    }

    private static SlaPause Pause(DateTime startUtc, DateTime endUtc) => new(startUtc, endUtc);
}
