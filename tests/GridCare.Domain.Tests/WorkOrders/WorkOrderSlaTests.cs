using GridCare.Domain.Network;
using GridCare.Domain.Sla;
using GridCare.Domain.Tests.Sla;
using GridCare.Domain.WorkOrders;

namespace GridCare.Domain.Tests.WorkOrders;

public class WorkOrderSlaTests
{
    [Fact]
    public void Receive_UrbanRepair_ArrivalDueAndRestorationWaitsForArrival()
    {
        var order = Orders.Receive();

        Assert.Equal("故障报修（城区）", order.SlaPolicyName);
        Assert.Equal(Orders.Received.AddMinutes(45), order.ArrivalDueAt);
        Assert.Null(order.ResolutionDueAt);
        Assert.Null(order.FirstContactDueAt);
        Assert.Null(order.ReplyDueAt);
        Assert.Equal(order.ArrivalDueAt, order.NextSlaDeadlineAt);
    }

    [Fact]
    public void Arrive_UrbanRepair_MeetsArrivalAndStartsTheRestorationClock()
    {
        var order = Orders.InStatus(WorkOrderStatus.Accepted);

        Assert.Null(order.Arrive(Orders.After(40)));

        Assert.Equal(40, order.ArrivalMinutes);
        Assert.Equal(Orders.Received.AddMinutes(40 + 180), order.ResolutionDueAt);
        Assert.Equal(order.ResolutionDueAt, order.NextSlaDeadlineAt);
    }

    [Fact]
    public void Receive_Complaint_FirstContactNextWorkingDayAndReplyInFive()
    {
        var order = Orders.Receive(WorkOrderType.Complaint);

        Assert.Equal(Cst.At(2026, 5, 7, 17, 30), order.FirstContactDueAt);

        // 5/7 (1), 5/8 (2), make-up Saturday 5/9 (3), 5/11 (4), 5/12 (5).
        Assert.Equal(Cst.At(2026, 5, 12, 17, 30), order.ReplyDueAt);
        Assert.Equal(order.FirstContactDueAt, order.NextSlaDeadlineAt);
    }

    [Fact]
    public void AddNote_FirstCustomerVisibleOne_MeetsFirstContact()
    {
        var order = Orders.Receive(WorkOrderType.Complaint);

        Assert.Null(order.AddNote(EntryKind.AgentNote, "Checked the meter reading history", isCustomerVisible: false, Orders.After(60)));
        Assert.Null(order.FirstContactAt);
        Assert.Null(order.AddNote(EntryKind.AgentNote, "您好，我们已受理您的投诉", isCustomerVisible: true, Orders.At(Cst.At(2026, 5, 7, 9, 0))));

        Assert.Equal(23 * 60, order.FirstContactMinutes);
        Assert.Equal(Cst.At(2026, 5, 7, 17, 30), order.FirstContactDueAt);
        Assert.Equal(order.ReplyDueAt, order.NextSlaDeadlineAt);
    }

    [Fact]
    public void NextSlaDeadlineAt_SeveralTargets_IsTheEarliestUnmet()
    {
        var policy = SlaPolicy.Create(
            "测试", "Test", 1, condition: null,
            [
                SlaTarget.WallClock(SlaTargetKind.Reply, 120),
                SlaTarget.WallClock(SlaTargetKind.FirstContact, 30),
                SlaTarget.WallClock(SlaTargetKind.Resolution, 60),
            ]);
        var order = WorkOrder.Receive(Orders.Intake(WorkOrderType.Inquiry), [policy], Orders.Clock).Order!;
        Assert.Equal(Orders.Received.AddMinutes(30), order.NextSlaDeadlineAt);

        Assert.Null(order.AddNote(EntryKind.AgentNote, "已为您查询", isCustomerVisible: true, Orders.After(10)));

        Assert.Equal(Orders.Received.AddMinutes(60), order.NextSlaDeadlineAt);
    }

    [Fact]
    public void PauseClock_Repair_HoldsTheDeadlineAndResumeShiftsItByThePause()
    {
        var order = Orders.Receive();

        Assert.Null(order.PauseClock("Customer not at home, asked to call back", Orders.After(10)));
        Assert.True(order.IsClockPaused);
        Assert.Null(order.ArrivalDueAt);
        Assert.Null(order.NextSlaDeadlineAt);

        Assert.Null(order.ResumeClock(Orders.After(40)));

        Assert.False(order.IsClockPaused);
        Assert.Equal(Orders.Received.AddMinutes(75), order.ArrivalDueAt);
        Assert.Equal(order.ArrivalDueAt, order.NextSlaDeadlineAt);
        Assert.Equal(new SlaPause(Orders.Received.AddMinutes(10), Orders.Received.AddMinutes(40)), Assert.Single(order.Pauses));
    }

    [Fact]
    public void ResumeClock_ComplaintPausedTwoOfficeHours_ShiftsBothDeadlinesTwoWorkingHours()
    {
        var order = Orders.Receive(WorkOrderType.Complaint);

        Assert.Null(order.PauseClock("Waiting for the customer's bill copy", Orders.At(Cst.At(2026, 5, 7, 9, 0))));
        Assert.Null(order.ResumeClock(Orders.At(Cst.At(2026, 5, 7, 11, 0))));

        Assert.Equal(Cst.At(2026, 5, 8, 10, 30), order.FirstContactDueAt);
        Assert.Equal(Cst.At(2026, 5, 13, 10, 30), order.ReplyDueAt);
    }

    [Fact]
    public void AddContact_WhilePaused_ResumesTheClock()
    {
        var order = Orders.Receive();
        Assert.Null(order.PauseClock("Customer not at home", Orders.After(10)));

        Assert.Null(order.AddContact("我回来了", Orders.After(20, Channel.App)));

        Assert.False(order.IsClockPaused);
        Assert.Equal(Orders.Received.AddMinutes(55), order.ArrivalDueAt);
    }

    [Fact]
    public void Resolve_WhilePaused_EndsThePauseAndLeavesItOutOfTheMinutes()
    {
        var order = Orders.InStatus(WorkOrderStatus.Accepted);
        Assert.Null(order.Arrive(Orders.After(40)));
        Assert.Null(order.PauseClock("Customer must open the gate", Orders.After(60)));

        Assert.Null(order.Resolve("C-SERVICE-DROP", "R-REPLACED", Orders.After(120)));

        Assert.False(order.IsClockPaused);
        Assert.Equal(20, order.ResolutionMinutes);
        Assert.Equal(Orders.Received.AddMinutes(40 + 180 + 60), order.ResolutionDueAt);
        Assert.Null(order.NextSlaDeadlineAt);
    }

    [Fact]
    public void Reopen_AfterResolution_TheResolutionDeadlineIsOpenAgain()
    {
        var order = Orders.InStatus(WorkOrderStatus.Resolved);
        var due = order.ResolutionDueAt;
        Assert.Null(order.NextSlaDeadlineAt);

        Assert.Null(order.Reopen("Still no power", Orders.After(100)));

        Assert.Null(order.ResolutionMinutes);
        Assert.Equal(due, order.NextSlaDeadlineAt);
    }

    [Fact]
    public void Receive_NoPolicyMatches_HasNoDeadlines()
    {
        var order = WorkOrder.Receive(Orders.Intake(), [], Orders.Clock).Order!;

        Assert.Null(order.SlaPolicyName);
        Assert.Null(order.NextSlaDeadlineAt);
        Assert.False(order.MarkBreached(Orders.Received.AddDays(30)));
    }

    [Fact]
    public void MarkWarned_Twice_RecordsOnceUntilTheDeadlineMoves()
    {
        var order = Orders.InStatus(WorkOrderStatus.Accepted);

        Assert.True(order.MarkWarned(Orders.Received.AddMinutes(36)));
        Assert.False(order.MarkWarned(Orders.Received.AddMinutes(37)));
        Assert.Single(order.History, c => c.Action == WorkOrderAction.MarkWarned);

        Assert.Null(order.Arrive(Orders.After(40)));

        Assert.Null(order.WarnedAt);
        Assert.True(order.MarkWarned(Orders.Received.AddMinutes(200)));
    }

    [Fact]
    public void MarkBreached_Twice_RecordsOnceAndRaisesPriorityOnce()
    {
        var order = Orders.InStatus(WorkOrderStatus.Dispatched);

        Assert.True(order.MarkBreached(Orders.Received.AddMinutes(46)));
        Assert.False(order.MarkBreached(Orders.Received.AddMinutes(47)));

        Assert.True(order.IsBreached);
        Assert.Equal(Orders.Received.AddMinutes(46), order.BreachedAt);
        Assert.Equal(SlaTargetKind.Arrival, order.BreachedTarget);
        Assert.Equal(WorkOrderPriority.High, order.Priority);
        var row = Assert.Single(order.History, c => c.Action == WorkOrderAction.MarkBreached);
        Assert.Equal(WorkOrder.SlaScannerActor, row.Actor);
    }

    [Fact]
    public void MarkBreached_BeforeTheDeadline_IsFalse()
    {
        var order = Orders.Receive();

        Assert.False(order.MarkBreached(Orders.Received.AddMinutes(44)));
        Assert.False(order.IsBreached);
        Assert.Equal(WorkOrderPriority.Normal, order.Priority);
    }

    [Fact]
    public void MarkBreached_UrgentOrder_StaysUrgent()
    {
        var order = Orders.Receive(Orders.Intake() with { Priority = WorkOrderPriority.Urgent });

        Assert.True(order.MarkBreached(Orders.Received.AddHours(1)));
        Assert.Equal(WorkOrderPriority.Urgent, order.Priority);
    }

    [Fact]
    public void NextSlaWarningAt_UrbanRepair_At80PercentOfTheArrivalTime()
    {
        var order = Orders.Receive();

        // 80 % of 45 minutes.
        Assert.Equal(Orders.Received.AddMinutes(36), order.NextSlaWarningAt);
        Assert.False(order.MarkWarned(Orders.Received.AddMinutes(35)));
        Assert.True(order.MarkWarned(Orders.Received.AddMinutes(36)));
    }

    [Fact]
    public void NextSlaWarningAt_Complaint_At80PercentOfTheWorkingTimeOfTheFirstContactDay()
    {
        var order = Orders.Receive(WorkOrderType.Complaint);

        // One working day is 7 working hours; 80 % is 5 h 36 min: 08:30–12:00 (3 h 30) and 14:00–16:06 on 5/7.
        Assert.Equal(Cst.At(2026, 5, 7, 16, 6), order.NextSlaWarningAt);
    }

    [Fact]
    public void NextSlaWarningAt_OtherPercentage_FollowsTheClock()
    {
        var clock = new SlaClock(BusinessCalendar.ChinaMainland()) { WarningPercent = 50 };

        var order = WorkOrder.Receive(Orders.Intake(), Orders.Policies, clock).Order!;

        Assert.Equal(Orders.Received.AddMinutes(22.5), order.NextSlaWarningAt);
    }

    [Fact]
    public void Retime_LongerArrivalPolicy_MovesTheOpenDeadlineAndRecordsIt()
    {
        var order = Orders.Receive();
        var longer = SlaPolicy.Create(
            "故障报修（城区）", "Repair, urban", 10, new SlaCondition(Type: WorkOrderType.Repair, AreaType: AreaType.Urban),
            [SlaTarget.WallClock(SlaTargetKind.Arrival, 60), SlaTarget.WallClock(SlaTargetKind.Resolution, 180, SlaClockStart.Arrived)]);
        var edited = Orders.Clock.Revised(1);

        Assert.True(order.Retime([longer], edited, Orders.Received.AddMinutes(10)));

        Assert.Equal(Orders.Received.AddMinutes(60), order.ArrivalDueAt);
        Assert.Equal(Orders.Received.AddMinutes(48), order.NextSlaWarningAt);
        Assert.Equal(1, order.SlaSettingsRevision);
        var row = Assert.Single(order.History, c => c.Action == WorkOrderAction.RetimeSla);
        Assert.Equal(WorkOrder.SystemActor, row.Actor);
        Assert.Contains("Arrival due", row.Detail, StringComparison.Ordinal);
        Assert.False(order.Retime([longer], edited, Orders.Received.AddMinutes(11)));
    }

    [Fact]
    public void Retime_MetTarget_KeepsItsDeadlineAndTarget()
    {
        var order = Orders.InStatus(WorkOrderStatus.Accepted);
        Assert.Null(order.Arrive(Orders.After(40)));
        var stricter = SlaPolicy.Create(
            "故障报修（城区）", "Repair, urban", 10, new SlaCondition(Type: WorkOrderType.Repair, AreaType: AreaType.Urban),
            [SlaTarget.WallClock(SlaTargetKind.Arrival, 30), SlaTarget.WallClock(SlaTargetKind.Resolution, 120, SlaClockStart.Arrived)]);

        Assert.True(order.Retime([stricter], Orders.Clock.Revised(2), Orders.Received.AddMinutes(50)));

        Assert.Equal(Orders.Received.AddMinutes(45), order.ArrivalDueAt);
        Assert.Equal(45, order.SlaTargets.Single(t => t.Kind == SlaTargetKind.Arrival).Amount);
        Assert.Equal(Orders.Received.AddMinutes(40 + 120), order.ResolutionDueAt);
        Assert.Equal(order.ResolutionDueAt, order.NextSlaDeadlineAt);
    }

    [Fact]
    public void Retime_NothingMoved_StampsTheRevisionWithoutAHistoryRow()
    {
        var order = Orders.Receive();

        Assert.True(order.Retime(Orders.Policies, Orders.Clock.Revised(3), Orders.Received.AddMinutes(1)));

        Assert.Equal(3, order.SlaSettingsRevision);
        Assert.DoesNotContain(order.History, c => c.Action == WorkOrderAction.RetimeSla);
    }

    [Fact]
    public void Retime_ClosedOrder_ChangesNothing()
    {
        var order = Orders.InStatus(WorkOrderStatus.Closed);

        Assert.False(order.Retime([], Orders.Clock.Revised(4), Orders.Received.AddDays(1)));
        Assert.Equal(0, order.SlaSettingsRevision);
    }

    [Fact]
    public void Change_WithAnOlderClock_LowersTheRevisionSoTheOrderIsRetimedAgain()
    {
        var order = Orders.Receive();
        Assert.True(order.Retime(Orders.Policies, Orders.Clock.Revised(5), Orders.Received.AddMinutes(1)));

        Assert.Null(order.AddNote(EntryKind.AgentNote, "Called the crew lead", isCustomerVisible: false, Orders.After(2)));

        Assert.Equal(0, order.SlaSettingsRevision);
    }
}
