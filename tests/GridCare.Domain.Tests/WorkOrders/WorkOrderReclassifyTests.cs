using GridCare.Domain.WorkOrders;

namespace GridCare.Domain.Tests.WorkOrders;

public class WorkOrderReclassifyTests
{
    [Fact]
    public void Reclassify_RepairToComplaint_TakesTheComplaintPolicyAndRecordsTheChange()
    {
        var order = Orders.Receive(WorkOrderType.Repair);
        Assert.Null(order.ReplyDueAt);

        var error = order.Reclassify(WorkOrderType.Complaint, ComplaintClass.SupplyQuality, null, Orders.Policies, Orders.After(30));

        Assert.Null(error);
        Assert.Equal(WorkOrderType.Complaint, order.Type);
        Assert.Equal(ComplaintClass.SupplyQuality, order.ComplaintClass);
        Assert.NotNull(order.ReplyDueAt);
        Assert.Null(order.ArrivalDueAt);
        var change = order.History[^1];
        Assert.Equal(WorkOrderAction.Reclassify, change.Action);
        Assert.StartsWith("Repair → Complaint/SupplyQuality", change.Detail, StringComparison.Ordinal);
        Assert.Equal("dispatcher-li", change.Actor);
    }

    [Fact]
    public void Reclassify_ComplaintWithoutClass_IsRefusedAndChangesNothing()
    {
        var order = Orders.Receive(WorkOrderType.Repair);
        var history = order.History.Count;

        var error = order.Reclassify(WorkOrderType.Complaint, null, null, Orders.Policies, Orders.After(30));

        Assert.Equal(WorkOrderErrorCode.ComplaintClassRequired, error?.Code);
        Assert.Equal(WorkOrderType.Repair, order.Type);
        Assert.Equal(history, order.History.Count);
    }

    [Fact]
    public void Reclassify_SameTypeAndClass_ChangesNothing()
    {
        var order = Orders.Receive(WorkOrderType.Complaint);
        var history = order.History.Count;

        Assert.Null(order.Reclassify(WorkOrderType.Complaint, ComplaintClass.Service, null, Orders.Policies, Orders.After(30)));
        Assert.Equal(history, order.History.Count);
    }

    [Fact]
    public void Reclassify_ResolvedOrder_IsIllegal()
    {
        var order = Orders.InStatus(WorkOrderStatus.Resolved);

        var error = order.Reclassify(WorkOrderType.Inquiry, null, null, Orders.Policies, Orders.After(500));

        Assert.Equal(WorkOrderErrorCode.IllegalTransition, error?.Code);
        Assert.Equal(WorkOrderType.Repair, order.Type);
    }
}
