using GridCare.Domain.WorkOrders;
using static GridCare.Domain.WorkOrders.WorkOrderAction;

namespace GridCare.Domain.Tests.WorkOrders;

public class WorkOrderTransitionTableTests
{
    /// <summary>What an identified repair order whose clock runs offers in each state: the table written out by hand.</summary>
    private static readonly Dictionary<WorkOrderStatus, WorkOrderAction[]> RepairTable = new()
    {
        [WorkOrderStatus.Received] = [Dispatch, Resolve, Cancel, Merge, AddContact, AddNote, PauseClock, Reclassify],
        [WorkOrderStatus.Dispatched] = [Dispatch, Accept, Cancel, Merge, AddContact, AddNote, PauseClock, Reclassify],
        [WorkOrderStatus.Accepted] = [Dispatch, Arrive, Resolve, Cancel, Merge, AddContact, AddNote, PauseClock, Reclassify],
        [WorkOrderStatus.Arrived] = [Resolve, Cancel, Merge, AddContact, AddNote, PauseClock, Reclassify],
        [WorkOrderStatus.Resolved] = [StartRevisit, Reopen, AddContact, AddNote],
        [WorkOrderStatus.Revisit] = [RecordRevisit, Close, Reopen, AddContact, AddNote],
        [WorkOrderStatus.Closed] = [AddNote],
        [WorkOrderStatus.Cancelled] = [AddNote],
    };

    /// <summary>Actions staff can take; receiving, the scanner's marks, re-timing and attaching (its own endpoint) are never offered.</summary>
    private static readonly WorkOrderAction[] Offerable = [.. Enum.GetValues<WorkOrderAction>().Except([Receive, MarkWarned, MarkBreached, RetimeSla, Attach])];

    public static TheoryData<WorkOrderStatus> Statuses() => [.. Enum.GetValues<WorkOrderStatus>()];

    public static TheoryData<WorkOrderStatus, WorkOrderAction> StatusActionPairs()
    {
        var data = new TheoryData<WorkOrderStatus, WorkOrderAction>();
        foreach (var status in Enum.GetValues<WorkOrderStatus>())
        {
            foreach (var action in Offerable)
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void AllowedActions_RepairInEachStatus_MatchesTheTable(WorkOrderStatus status)
    {
        var order = Orders.InStatus(status);

        Assert.Equal(RepairTable[status], order.AllowedActions());
    }

    [Theory]
    [MemberData(nameof(StatusActionPairs))]
    public void Action_InEachStatus_SucceedsIfAllowedElseReturnsTheAllowedList(WorkOrderStatus status, WorkOrderAction action)
    {
        var order = Orders.InStatus(status);
        var historyBefore = order.History.Count;

        var error = Invoke(order, action);

        if (RepairTable[status].Contains(action))
        {
            Assert.Null(error);
            Assert.Equal(action, order.History[^1].Action);
            Assert.Equal(status, order.History[^1].FromStatus);
            Assert.Equal(order.Status, order.History[^1].ToStatus);
        }
        else
        {
            Assert.NotNull(error);
            Assert.Equal(WorkOrderErrorCode.IllegalTransition, error.Code);
            Assert.Equal(RepairTable[status], error.Allowed);
            Assert.Equal(status, order.Status);
            Assert.Equal(historyBefore, order.History.Count);
        }
    }

    [Theory]
    [InlineData(WorkOrderType.Complaint)]
    [InlineData(WorkOrderType.Inquiry)]
    [InlineData(WorkOrderType.ServiceApplication)]
    public void Arrive_NotARepair_IsIllegal(WorkOrderType type)
    {
        var order = Orders.InStatus(WorkOrderStatus.Accepted, type);

        var error = order.Arrive(Orders.After(60));

        Assert.Equal(WorkOrderErrorCode.IllegalTransition, error?.Code);
        Assert.DoesNotContain(Arrive, order.AllowedActions());
        Assert.Equal(WorkOrderStatus.Accepted, order.Status);
    }

    [Theory]
    [InlineData(WorkOrderType.Repair, false)]
    [InlineData(WorkOrderType.Complaint, false)]
    [InlineData(WorkOrderType.Inquiry, true)]
    [InlineData(WorkOrderType.Report, true)]
    public void Close_WhenResolved_OnlyForTypesWithoutRevisit(WorkOrderType type, bool allowed)
    {
        var order = Orders.InStatus(WorkOrderStatus.Resolved, type);

        var error = order.Close(null, Orders.After(60));

        Assert.Equal(allowed, error is null);
        Assert.Equal(allowed ? WorkOrderStatus.Closed : WorkOrderStatus.Resolved, order.Status);
    }

    [Fact]
    public void AllowedActions_UnidentifiedOrder_OffersIdentifyUntilResolved()
    {
        var order = Orders.Receive(Orders.Intake() with { Customer = null, CandidateCustomerIds = [1001, 1002] });

        Assert.Contains(IdentifyCustomer, order.AllowedActions());
        Assert.Null(order.Resolve("C-CUSTOMER-SIDE", "R-ADVISED", Orders.After(5)));
        Assert.DoesNotContain(IdentifyCustomer, order.AllowedActions());
    }

    [Fact]
    public void AllowedActions_WhilePaused_OffersResumeInsteadOfPause()
    {
        var order = Orders.Receive(WorkOrderType.Complaint);

        Assert.Null(order.PauseClock("Waiting for the bill copy", Orders.After(10)));

        Assert.Contains(ResumeClock, order.AllowedActions());
        Assert.DoesNotContain(PauseClock, order.AllowedActions());
        Assert.Equal(WorkOrderErrorCode.IllegalTransition, order.PauseClock("again", Orders.After(11))?.Code);
    }

    private static WorkOrderError? Invoke(WorkOrder order, WorkOrderAction action)
    {
        var context = Orders.After(500, Channel.Web);
        return action switch
        {
            Dispatch => order.Dispatch(5, "抢修二班", context),
            Accept => order.Accept(context),
            Arrive => order.Arrive(context),
            Resolve => order.Resolve("C-LINE", "R-REPAIRED", context),
            StartRevisit => order.StartRevisit(context),
            RecordRevisit => order.RecordRevisit(RevisitResult.Neutral, "还行", context),
            Close => order.Close("Customer unreachable after three calls", context),
            Reopen => order.Reopen("Customer called: still no power", context),
            Cancel => order.Cancel("Duplicate entry", context),
            Merge => order.MergeInto(Orders.Receive(number: "DF20260506-000002"), context),
            AddContact => order.AddContact("还没来电", context),
            AddNote => order.AddNote(EntryKind.AgentNote, "Called the crew lead", isCustomerVisible: false, context),
            IdentifyCustomer => order.IdentifyCustomer(Orders.UrbanCustomer, Orders.Policies, context),
            PauseClock => order.PauseClock("Customer not at home", context),
            ResumeClock => order.ResumeClock(context),
            Reclassify => order.Reclassify(WorkOrderType.Complaint, ComplaintClass.Service, null, Orders.Policies, context),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }
}
