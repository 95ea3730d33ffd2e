using GridCare.Domain.Network;
using GridCare.Domain.WorkOrders;

namespace GridCare.Domain.Tests.WorkOrders;

public class WorkOrderTests
{
    [Fact]
    public void Receive_Repair_RecordsTheContactAndAHistoryRow()
    {
        var order = Orders.Receive();

        Assert.Equal(WorkOrderStatus.Received, order.Status);
        Assert.Equal(1001, order.CustomerId);
        Assert.Equal(1, order.ContactCount);
        var entry = Assert.Single(order.Entries);
        Assert.Equal((EntryKind.CustomerContact, "家里停电了", true, Channel.Hotline), (entry.Kind, entry.Text, entry.IsCustomerVisible, entry.Channel));
        var change = Assert.Single(order.History);
        Assert.Equal((WorkOrderAction.Receive, null, WorkOrderStatus.Received), (change.Action, change.FromStatus, change.ToStatus));
        Assert.Equal(("agent-wang", Channel.Hotline, Orders.Received), (change.Actor, change.Channel, change.At));
    }

    [Fact]
    public void Receive_ComplaintWithoutClass_ReturnsComplaintClassRequired()
    {
        var result = WorkOrder.Receive(Orders.Intake(WorkOrderType.Complaint) with { ComplaintClass = null }, Orders.Policies, Orders.Clock);

        Assert.False(result.IsReceived);
        Assert.Equal(WorkOrderErrorCode.ComplaintClassRequired, result.Error.Code);
    }

    [Theory]
    [InlineData(WorkOrderType.Repair)]
    [InlineData(WorkOrderType.Inquiry)]
    [InlineData(WorkOrderType.Report)]
    public void Receive_ComplaintClassOnOtherType_ReturnsComplaintClassNotAllowed(WorkOrderType type)
    {
        var result = WorkOrder.Receive(Orders.Intake(type) with { ComplaintClass = ComplaintClass.Outage }, Orders.Policies, Orders.Clock);

        Assert.Equal(WorkOrderErrorCode.ComplaintClassNotAllowed, result.Error?.Code);
        Assert.Null(result.Order);
    }

    [Fact]
    public void Receive_ServiceApplicationKindRules_AreChecked()
    {
        var missing = WorkOrder.Receive(Orders.Intake(WorkOrderType.ServiceApplication) with { ServiceApplication = null }, Orders.Policies, Orders.Clock);
        var misplaced = WorkOrder.Receive(Orders.Intake() with { ServiceApplication = ServiceApplicationKind.MeterTest }, Orders.Policies, Orders.Clock);

        Assert.Equal(WorkOrderErrorCode.ServiceApplicationRequired, missing.Error?.Code);
        Assert.Equal(WorkOrderErrorCode.ServiceApplicationNotAllowed, misplaced.Error?.Code);
    }

    [Fact]
    public void Receive_MalformedNumber_Fails()
    {
        Assert.Throws<DomainRuleException>(() => WorkOrder.Receive(Orders.Intake(number: "000123"), Orders.Policies, Orders.Clock));
    }

    [Fact]
    public void Receive_Unidentified_KeepsTheCandidates()
    {
        var order = Orders.Receive(Orders.Intake() with { Customer = null, CandidateCustomerIds = [1001, 1002, 1001] });

        Assert.Null(order.CustomerId);
        Assert.Equal([1001L, 1002L], order.CandidateCustomerIds);
    }

    [Fact]
    public void AddContact_SameCustomerAgain_CountsTheRepeat()
    {
        var order = Orders.InStatus(WorkOrderStatus.Dispatched);

        Assert.True(order.IsRepeatContact(1001, WorkOrderType.Repair, Orders.Received.AddMinutes(30), TimeSpan.FromHours(24)));
        Assert.Null(order.AddContact("怎么还没人来", Orders.After(30, Channel.Wechat)));
        Assert.Null(order.AddContact("还是没电", Orders.After(50, Channel.Hotline)));

        Assert.Equal(2, order.RepeatContactCount);
        Assert.Equal(3, order.ContactCount);
        Assert.Equal(Orders.Received.AddMinutes(50), order.LastContactAt);
        Assert.Equal(Channel.Wechat, order.Entries[1].Channel);
        Assert.Equal(WorkOrderAction.AddContact, order.History[^1].Action);
    }

    [Fact]
    public void IsRepeatContact_OtherCustomerTypeOrOutsideWindowOrClosed_IsFalse()
    {
        var order = Orders.Receive();
        var window = TimeSpan.FromHours(24);
        var soon = Orders.Received.AddHours(1);

        Assert.False(order.IsRepeatContact(1002, WorkOrderType.Repair, soon, window));
        Assert.False(order.IsRepeatContact(1001, WorkOrderType.Complaint, soon, window));
        Assert.False(order.IsRepeatContact(1001, WorkOrderType.Repair, Orders.Received.AddHours(25), window));
        Assert.False(order.IsRepeatContact(null, WorkOrderType.Repair, soon, window));
        Assert.False(Orders.InStatus(WorkOrderStatus.Closed).IsRepeatContact(1001, WorkOrderType.Repair, soon, window));
    }

    [Fact]
    public void AddContact_MadeAMomentBeforeTheReceipt_IsARepeatJoiningTheThreadAtTheReceipt()
    {
        var order = Orders.Receive();
        var earlier = Orders.Received.AddSeconds(-1);

        Assert.True(order.IsRepeatContact(1001, WorkOrderType.Repair, earlier, TimeSpan.FromHours(24)));
        Assert.Null(order.AddContact("同时打进来的第二个电话", new ChangeContext("agent-zhao", earlier, Orders.Clock, Channel.App)));

        Assert.Equal(2, order.ContactCount);
        Assert.Equal(Orders.Received, order.Entries[^1].At);
        Assert.Equal(Orders.Received, order.LastContactAt);
    }

    [Fact]
    public void AddNote_SystemEventKind_Fails()
    {
        var order = Orders.Receive();

        Assert.Throws<DomainRuleException>(() => order.AddNote(EntryKind.SystemEvent, "x", false, Orders.After(1)));
    }

    [Fact]
    public void MergeInto_OpenRepair_CancelsThisAndCountsItsContactsOnTheTarget()
    {
        var target = Orders.Receive(number: "DF20260506-000001");
        var duplicate = Orders.Receive(Orders.Intake(number: "DF20260506-000002") with { Customer = Orders.UrbanCustomer with { CustomerId = 1002 } });
        Assert.Null(duplicate.AddContact("整条街都停了", Orders.After(5, Channel.Hotline)));

        Assert.Null(duplicate.MergeInto(target, Orders.After(10)));

        Assert.Equal(WorkOrderStatus.Cancelled, duplicate.Status);
        Assert.Equal("DF20260506-000001", duplicate.MergedIntoNumber);
        Assert.Equal(3, target.ContactCount);
        Assert.Equal(1, target.MergedOrderCount);
        var note = target.Entries[^1];
        Assert.Equal(EntryKind.SystemEvent, note.Kind);
        Assert.False(note.IsCustomerVisible);
        Assert.Contains("DF20260506-000002", note.Text, StringComparison.Ordinal);
        Assert.Equal(WorkOrderAction.Merge, target.History[^1].Action);
        Assert.Equal(WorkOrderAction.Merge, duplicate.History[^1].Action);
    }

    [Fact]
    public void MergeInto_ItselfOtherTypeOrResolvedTarget_ReturnsErrors()
    {
        var order = Orders.Receive();
        var complaint = Orders.Receive(WorkOrderType.Complaint, "DF20260506-000002");
        var resolved = Orders.InStatus(WorkOrderStatus.Resolved);

        Assert.Equal(WorkOrderErrorCode.MergeIntoItself, order.MergeInto(order, Orders.After(60))?.Code);
        Assert.Equal(WorkOrderErrorCode.MergeTypeMismatch, order.MergeInto(complaint, Orders.After(60))?.Code);
        var error = Orders.Receive(number: "DF20260506-000003").MergeInto(resolved, Orders.After(60));
        Assert.Equal(WorkOrderErrorCode.MergeTargetNotOpen, error?.Code);
        Assert.Equal(WorkOrderStatus.Received, order.Status);
    }

    [Fact]
    public void RecordRevisit_Unsatisfied_ReopensToReceivedWithoutTheResolution()
    {
        var order = Orders.InStatus(WorkOrderStatus.Revisit);

        Assert.Null(order.RecordRevisit(RevisitResult.Unsatisfied, "第二天又停了", Orders.After(2000)));

        Assert.Equal(WorkOrderStatus.Received, order.Status);
        Assert.Equal(1, order.ReopenCount);
        Assert.Equal(RevisitResult.Unsatisfied, order.RevisitResult);
        Assert.Null(order.ResolvedAt);
        Assert.Null(order.CauseCode);
        Assert.Equal((WorkOrderStatus.Revisit, WorkOrderStatus.Received), (order.History[^1].FromStatus, order.History[^1].ToStatus));
    }

    [Theory]
    [InlineData(RevisitResult.Satisfied)]
    [InlineData(RevisitResult.FairlySatisfied)]
    [InlineData(RevisitResult.Neutral)]
    public void RecordRevisit_NotUnsatisfied_Closes(RevisitResult result)
    {
        var order = Orders.InStatus(WorkOrderStatus.Revisit);

        Assert.Null(order.RecordRevisit(result, null, Orders.After(2000)));

        Assert.Equal(WorkOrderStatus.Closed, order.Status);
        Assert.Equal(Orders.Received.AddMinutes(2000), order.ClosedAt);
        Assert.Equal(0, order.ReopenCount);
    }

    [Fact]
    public void Reopen_Resolved_GoesBackToReceivedAndCounts()
    {
        var order = Orders.InStatus(WorkOrderStatus.Resolved);

        Assert.Null(order.Reopen("Customer called back: still no power", Orders.After(300)));

        Assert.Equal(WorkOrderStatus.Received, order.Status);
        Assert.Equal(1, order.ReopenCount);
    }

    [Fact]
    public void Transitions_EachChange_AppendsOneHistoryRowWithActorChannelAndDetail()
    {
        var order = Orders.InStatus(WorkOrderStatus.Closed);

        Assert.Equal(
            [WorkOrderAction.Receive, WorkOrderAction.Dispatch, WorkOrderAction.Accept, WorkOrderAction.Arrive, WorkOrderAction.Resolve, WorkOrderAction.StartRevisit, WorkOrderAction.RecordRevisit],
            order.History.Select(c => c.Action));
        Assert.Equal(
            [WorkOrderStatus.Received, WorkOrderStatus.Dispatched, WorkOrderStatus.Accepted, WorkOrderStatus.Arrived, WorkOrderStatus.Resolved, WorkOrderStatus.Revisit, WorkOrderStatus.Closed],
            order.History.Select(c => c.ToStatus));
        Assert.All(order.History.Skip(1), c => Assert.Equal("dispatcher-li", c.Actor));
        Assert.Equal("Org unit 3 → 4, team none → 抢修一班", order.History[1].Detail);
        Assert.Equal("Cause C-LINE, resolution R-REPAIRED", order.History[4].Detail);
    }

    [Fact]
    public void IdentifyCustomer_RepairOfUnknownArea_TakesTheCustomersUnitAndRuralLimits()
    {
        var order = Orders.Receive(Orders.Intake() with { Customer = null, CandidateCustomerIds = [2001, 2002] });
        Assert.Equal(Orders.Received.AddMinutes(45), order.ArrivalDueAt);

        Assert.Null(order.IdentifyCustomer(new CustomerFacts(2002, 7, AreaType.Rural), Orders.Policies, Orders.After(5, Channel.Hotline)));

        Assert.Equal(2002, order.CustomerId);
        Assert.Empty(order.CandidateCustomerIds);
        Assert.Equal(7, order.OrgUnitId);
        Assert.Equal("故障报修（农村）", order.SlaPolicyName);
        Assert.Equal(Orders.Received.AddMinutes(90), order.ArrivalDueAt);
        Assert.Equal(WorkOrderErrorCode.IllegalTransition, order.IdentifyCustomer(Orders.UrbanCustomer, Orders.Policies, Orders.After(6))?.Code);
    }

    [Fact]
    public void Transition_BeforeReceipt_Fails()
    {
        var order = Orders.Receive();

        Assert.Throws<DomainRuleException>(() => order.Dispatch(4, "抢修一班", Orders.After(-1)));
    }
}
