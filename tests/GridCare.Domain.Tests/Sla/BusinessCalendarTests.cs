using System.Globalization;
using GridCare.Domain.Sla;

namespace GridCare.Domain.Tests.Sla;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar China = BusinessCalendar.ChinaMainland();

    [Fact]
    public void ChinaMainland_ShippedNotices_Has33EntriesFor2025And39For2026()
    {
        Assert.Equal(33, China.Entries.Count(e => e.Date.Year == 2025));
        Assert.Equal(39, China.Entries.Count(e => e.Date.Year == 2026));
        Assert.Equal([2025, 2026, 2027], China.Years);
        Assert.DoesNotContain(China.Entries, e => e.Date.Year < 2027 && e.Provisional);
    }

    [Fact]
    public void ChinaMainland_2027_OnlyTheFixedDateStatutoryDaysMarkedProvisional()
    {
        var days = China.Entries.Where(e => e.Date.Year == 2027).ToList();

        // 元旦 1 January, 劳动节 1–2 May, 国庆节 1–3 October (全国年节及纪念日放假办法 as amended in 2024): nothing else is
        // known before the notice, so nothing else is shipped.
        Assert.Equal(
            ["2027-01-01", "2027-05-01", "2027-05-02", "2027-10-01", "2027-10-02", "2027-10-03"],
            days.Select(d => d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.All(days, d => Assert.True(d.Provisional && d.Kind == CalendarDayKind.Holiday));
        Assert.True(China.IsProvisional(2027));
        Assert.False(China.IsProvisional(2026));
        Assert.False(China.IsWorkingDay(new DateOnly(2027, 10, 1)));
        Assert.True(China.IsWorkingDay(new DateOnly(2027, 10, 4)));
    }

    [Fact]
    public void With_NoticeConfirmingEveryProvisionalDay_CoversTheYear()
    {
        var confirmed = China.With(China.Entries.Where(e => e.Date.Year == 2027).Select(e => e with { Provisional = false }));

        Assert.False(China.Covers(2027));
        Assert.True(confirmed.Covers(2027));
        Assert.False(confirmed.IsProvisional(2027));
    }

    [Fact]
    public void ReadCsv_StatusColumn_MarksProvisionalAndRejectsOtherValues()
    {
        var entries = BusinessCalendar.ReadCsv(new StringReader("date,kind,name,status\n2099-01-01,holiday,元旦,provisional\n2099-05-01,holiday,劳动节,\n"));

        Assert.True(entries[0].Provisional);
        Assert.False(entries[1].Provisional);
        Assert.Throws<FormatException>(() => BusinessCalendar.ReadCsv(new StringReader("2099-01-01,holiday,元旦,maybe\n")));
    }

    [Fact]
    public void ChinaMainland_MakeUpDay_KeepsTheNameOfItsBlock()
    {
        Assert.Equal(new CalendarEntry(new DateOnly(2026, 10, 10), CalendarDayKind.Workday, "国庆节"), China.EntryOn(new DateOnly(2026, 10, 10)));
        Assert.Null(China.EntryOn(new DateOnly(2026, 10, 9)));
    }

    [Theory]
    [InlineData(2024, false)]
    [InlineData(2025, true)]
    [InlineData(2026, true)]
    [InlineData(2027, false)] // provisional until its notice is entered
    [InlineData(2028, false)]
    public void Covers_ShippedCalendar_OnlyThePublishedYears(int year, bool covered)
    {
        Assert.Equal(covered, China.Covers(year));
    }

    [Fact]
    public void Covers_RangeReachingIntoUnpublishedYear_IsFalse()
    {
        Assert.True(China.Covers(new DateOnly(2025, 12, 20), new DateOnly(2026, 1, 10)));
        Assert.False(China.Covers(new DateOnly(2026, 12, 20), new DateOnly(2027, 1, 10)));
    }

    [Theory]
    [InlineData("2026-02-13", true)] // Friday before the break
    [InlineData("2026-02-14", true)] // make-up Saturday
    [InlineData("2026-02-15", false)] // Sunday, first day off
    [InlineData("2026-02-17", false)] // Tuesday, Spring Festival
    [InlineData("2026-02-23", false)] // Monday, last day off
    [InlineData("2026-02-24", true)]
    [InlineData("2026-02-28", true)] // make-up Saturday
    [InlineData("2026-03-01", false)] // ordinary Sunday
    public void IsWorkingDay_SpringFestival2026_FollowsTheNotice(string date, bool working)
    {
        Assert.Equal(working, China.IsWorkingDay(DateOnly.Parse(date, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-01-04")] // Sunday, 元旦
    [InlineData("2026-10-10")] // Saturday, 国庆节
    [InlineData("2025-09-28")] // Sunday, 国庆节
    [InlineData("2025-10-11")] // Saturday, 国庆节
    public void IsWorkingDay_WeekendMakeUpDay_IsTrue(string date)
    {
        var day = DateOnly.Parse(date, CultureInfo.InvariantCulture);

        Assert.True(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.True(China.IsWorkingDay(day));
    }

    [Fact]
    public void IsWorkingDay_YearNotCovered_FollowsTheWeekButCoversSaysSo()
    {
        // 2029-10-01 is a Monday: without the 2029 notice it is counted as a working day, and Covers tells the caller.
        Assert.True(China.IsWorkingDay(new DateOnly(2029, 10, 1)));
        Assert.False(China.IsWorkingDay(new DateOnly(2029, 9, 30)));
        Assert.False(China.Covers(2029));
        Assert.False(China.IsProvisional(2029));
    }

    [Theory]
    [InlineData(1, "2026-02-14")]
    [InlineData(2, "2026-02-24")]
    [InlineData(5, "2026-02-27")]
    [InlineData(6, "2026-02-28")]
    [InlineData(7, "2026-03-02")]
    public void AddWorkingDays_AcrossSpringFestival2026_SkipsTheBreakAndCountsMakeUpSaturdays(int days, string expected)
    {
        var friday = new DateOnly(2026, 2, 13);

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), China.AddWorkingDays(friday, days));
    }

    [Fact]
    public void AddWorkingDays_Zero_ReturnsTheDate()
    {
        Assert.Equal(new DateOnly(2026, 10, 3), China.AddWorkingDays(new DateOnly(2026, 10, 3), 0));
    }

    [Fact]
    public void AddWorkingDays_Negative_Fails()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => China.AddWorkingDays(new DateOnly(2026, 10, 3), -1));
    }

    [Fact]
    public void WorkingDaysDeadline_ReceivedOnSunday_CountsFromMonday()
    {
        var due = China.WorkingDaysDeadline(Cst.At(2026, 3, 8, 10, 0), 1);

        Assert.Equal(Cst.At(2026, 3, 9, 17, 30), due);
    }

    [Fact]
    public void WorkingDaysDeadline_ReceivedEarlyOnWorkingDay_DoesNotCountThatDay()
    {
        var due = China.WorkingDaysDeadline(Cst.At(2026, 3, 9, 0, 5), 1);

        Assert.Equal(Cst.At(2026, 3, 10, 17, 30), due);
    }

    [Fact]
    public void WorkingDaysDeadline_OtherWorkingHours_EndsWhenTheyClose()
    {
        var calendar = China.WithWorkingHours(new WorkingHours([new WorkingPeriod(new TimeOnly(9, 0), new TimeOnly(18, 0))]));

        Assert.Equal(Cst.At(2026, 3, 10, 18, 0), calendar.WorkingDaysDeadline(Cst.At(2026, 3, 9, 15, 0), 1));
    }

    [Fact]
    public void With_NextYearsNotice_CoversItWithoutChangingTheOriginal()
    {
        // A made-up date far ahead: 2027's real notice is not published, and tests must not look like data.
        var added = China.With([new CalendarEntry(new DateOnly(2099, 1, 1), CalendarDayKind.Holiday, "测试假日")]);

        Assert.True(added.Covers(2099));
        Assert.False(added.IsWorkingDay(new DateOnly(2099, 1, 1)));
        Assert.False(China.Covers(2099));
        Assert.Equal(China.Entries.Count + 1, added.Entries.Count);
    }

    [Fact]
    public void With_EntryOnExistingDate_ReplacesIt()
    {
        var amended = China.With([new CalendarEntry(new DateOnly(2026, 10, 10), CalendarDayKind.Holiday, "国庆节")]);

        Assert.False(amended.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.Equal(39, amended.Entries.Count(e => e.Date.Year == 2026));
    }

    [Fact]
    public void Constructor_MakeUpDayOnAWeekday_Fails()
    {
        Assert.Throws<DomainRuleException>(() => new BusinessCalendar([new CalendarEntry(new DateOnly(2026, 10, 9), CalendarDayKind.Workday, "国庆节")]));
    }

    [Fact]
    public void Constructor_SameDateTwice_Fails()
    {
        var day = new DateOnly(2026, 10, 1);
        Assert.Throws<DomainRuleException>(() => new BusinessCalendar(
            [new CalendarEntry(day, CalendarDayKind.Holiday, "国庆节"), new CalendarEntry(day, CalendarDayKind.Holiday, "国庆节")]));
    }

    [Fact]
    public void ReadCsv_CommentsHeaderAndBlankLines_AreSkipped()
    {
        using var reader = new StringReader("# notice\ndate,kind,name\n\n2026-10-10,workday,国庆节\n2026-10-01,holiday,国庆节\n");

        var entries = BusinessCalendar.ReadCsv(reader);

        Assert.Equal(
            [new CalendarEntry(new DateOnly(2026, 10, 10), CalendarDayKind.Workday, "国庆节"), new CalendarEntry(new DateOnly(2026, 10, 1), CalendarDayKind.Holiday, "国庆节")],
            entries);
    }

    [Fact]
    public void ReadCsv_UnknownKind_FailsNamingTheLine()
    {
        using var reader = new StringReader("date,kind,name\n2026-10-01,holiday,国庆节\n2026-10-10,makeup,国庆节\n");

        var error = Assert.Throws<FormatException>(() => BusinessCalendar.ReadCsv(reader));
        Assert.Contains("Line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkingHours_OverlappingPeriods_Fail()
    {
        Assert.Throws<DomainRuleException>(() => new WorkingHours(
            [new WorkingPeriod(new TimeOnly(8, 30), new TimeOnly(12, 0)), new WorkingPeriod(new TimeOnly(11, 0), new TimeOnly(17, 0))]));
    }

    [Fact]
    public void WorkingHours_Default_IsSevenHoursClosingAt1730()
    {
        Assert.Equal(TimeSpan.FromHours(7), WorkingHours.Default.TimePerDay);
        Assert.Equal(new TimeOnly(17, 30), WorkingHours.Default.Close);
    }
}
