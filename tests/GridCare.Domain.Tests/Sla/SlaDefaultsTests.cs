using GridCare.Domain.Network;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;

namespace GridCare.Domain.Tests.Sla;

public class SlaDefaultsTests
{
    private static readonly IReadOnlyList<SlaPolicy> Defaults = SlaDefaults.Policies();
    private static readonly SlaClock Clock = new(BusinessCalendar.ChinaMainland());

    [Fact]
    public void Complaint_ReceivedAfternoonBeforeNationalDay2026_FirstContactDueWhenOctober8Closes()
    {
        var policy = Policy(new SlaSubject(WorkOrderType.Complaint, AreaType.Urban, Channel.Hotline, ComplaintClass.Outage));

        var due = Clock.DueAt(Cst.At(2026, 9, 30, 15, 0), policy.Target(SlaTargetKind.FirstContact)!);

        // 9/30 is the day of receipt and not counted; 10/1–10/7 are off; 10/8 (Thursday) is the first working day.
        Assert.Equal(Cst.At(2026, 10, 8, 17, 30), due);
    }

    [Fact]
    public void Complaint_ReceivedAfternoonBeforeNationalDay2026_ReplyDueWhenOctober13Closes()
    {
        var policy = Policy(new SlaSubject(WorkOrderType.Complaint, AreaType.Urban, Channel.Hotline, ComplaintClass.Outage));

        var due = Clock.DueAt(Cst.At(2026, 9, 30, 15, 0), policy.Target(SlaTargetKind.Reply)!);

        // Working days after receipt: 10/8 Thu (1), 10/9 Fri (2), 10/10 make-up Sat (3), 10/11 Sun off,
        // 10/12 Mon (4), 10/13 Tue (5). Only a calendar that forgot the make-up Saturday would give 10/14.
        Assert.Equal(Cst.At(2026, 10, 13, 17, 30), due);
    }

    [Fact]
    public void Complaint_ReceivedFridayBeforeSpringFestival2026_FirstContactDueOnMakeUpSaturday()
    {
        var policy = Policy(new SlaSubject(WorkOrderType.Complaint, AreaType.Rural, Channel.App, ComplaintClass.Business));
        var received = Cst.At(2026, 2, 13, 16, 0);

        Assert.Equal(Cst.At(2026, 2, 14, 17, 30), Clock.DueAt(received, policy.Target(SlaTargetKind.FirstContact)!));
        // 2/14 (1), 2/15–2/23 off, 2/24 (2), 2/25 (3), 2/26 (4), 2/27 (5).
        Assert.Equal(Cst.At(2026, 2, 27, 17, 30), Clock.DueAt(received, policy.Target(SlaTargetKind.Reply)!));
    }

    [Fact]
    public void Repair_RemoteAreaAt2330_ArrivalDue120MinutesLaterAcrossMidnightIntoTheHoliday()
    {
        var policy = Policy(new SlaSubject(WorkOrderType.Repair, AreaType.Remote, Channel.Hotline));

        var due = Clock.DueAt(Cst.At(2026, 9, 30, 23, 30), policy.Target(SlaTargetKind.Arrival)!);

        Assert.Equal(Cst.At(2026, 10, 1, 1, 30), due);
    }

    [Fact]
    public void Repair_RemoteAreaPausedHalfAnHour_ArrivalDueHalfAnHourLater()
    {
        var policy = Policy(new SlaSubject(WorkOrderType.Repair, AreaType.Remote, Channel.Hotline));
        var pause = new SlaPause(Cst.At(2026, 10, 1, 0, 0), Cst.At(2026, 10, 1, 0, 30));

        var due = Clock.DueAt(Cst.At(2026, 9, 30, 23, 30), [pause], policy.Target(SlaTargetKind.Arrival)!);

        Assert.Equal(Cst.At(2026, 10, 1, 2, 0), due);
    }

    [Theory]
    [InlineData(AreaType.Urban, 45, 180)]
    [InlineData(AreaType.Rural, 90, 240)]
    [InlineData(AreaType.Remote, 120, 240)]
    [InlineData(null, 45, 180)]
    public void Repair_ByArea_ArrivalAndRestorationFromArrival(AreaType? area, int arrivalMinutes, int restorationMinutes)
    {
        var policy = Policy(new SlaSubject(WorkOrderType.Repair, area, Channel.Hotline));

        Assert.Equal(SlaTarget.WallClock(SlaTargetKind.Arrival, arrivalMinutes), policy.Target(SlaTargetKind.Arrival));
        Assert.Equal(SlaTarget.WallClock(SlaTargetKind.Resolution, restorationMinutes, SlaClockStart.Arrived), policy.Target(SlaTargetKind.Resolution));
    }

    [Theory]
    [InlineData(ServiceApplicationKind.MeterTest)]
    [InlineData(ServiceApplicationKind.DataAnomaly)]
    public void ServiceApplication_MeterTestOrDataAnomaly_ReplyInFiveWorkingDays(ServiceApplicationKind kind)
    {
        var policy = Policy(new SlaSubject(WorkOrderType.ServiceApplication, AreaType.Urban, Channel.Counter, ServiceApplication: kind));

        Assert.False(policy.IsFallback);
        Assert.Equal(SlaTarget.WorkingDays(SlaTargetKind.Reply, 5), policy.Target(SlaTargetKind.Reply));
    }

    [Fact]
    public void ServiceApplication_Reconnection_Resolved24HoursOnTheWallClock()
    {
        var policy = Policy(new SlaSubject(WorkOrderType.ServiceApplication, AreaType.Rural, Channel.App, ServiceApplication: ServiceApplicationKind.Reconnection));

        Assert.Equal(SlaTarget.WallClock(SlaTargetKind.Resolution, 24 * 60), policy.Target(SlaTargetKind.Resolution));
    }

    [Fact]
    public void Report_ReplyInNineWorkingDays()
    {
        var policy = Policy(new SlaSubject(WorkOrderType.Report, AreaType.Urban, Channel.Web));

        Assert.Equal(SlaTarget.WorkingDays(SlaTargetKind.Reply, 9), policy.Target(SlaTargetKind.Reply));
    }

    [Theory]
    [InlineData(WorkOrderType.Inquiry)]
    [InlineData(WorkOrderType.Opinion)]
    [InlineData(WorkOrderType.Suggestion)]
    [InlineData(WorkOrderType.Praise)]
    public void OtherTypes_FallBackToFiveWorkingDayReply(WorkOrderType type)
    {
        var policy = Policy(new SlaSubject(type, AreaType.Urban, Channel.Sms));

        Assert.True(policy.IsFallback);
        Assert.Equal(SlaTarget.WorkingDays(SlaTargetKind.Reply, 5), policy.Target(SlaTargetKind.Reply));
    }

    [Fact]
    public void Policies_EachHasChineseAndEnglishNameAndOneFallback()
    {
        Assert.All(Defaults, p =>
        {
            Assert.Contains(p.Name, c => c >= '\u4e00' && c <= '\u9fff');
            Assert.False(string.IsNullOrWhiteSpace(p.EnglishName));
        });
        Assert.Single(Defaults, p => p.IsFallback);
        Assert.Equal(Defaults.Count, Defaults.Select(p => p.Order).Distinct().Count());
    }

    private static SlaPolicy Policy(SlaSubject subject) =>
        SlaPolicy.BestMatch(Defaults, subject) ?? throw new InvalidOperationException("The defaults have a fallback.");
}
