using GridCare.Domain.Network;
using GridCare.Domain.Sla;
using GridCare.Domain.Tests.Sla;
using GridCare.Domain.WorkOrders;

namespace GridCare.Domain.Tests.WorkOrders;

/// <summary>Builds work orders in a given state, timed by the shipped policies and calendar.</summary>
internal static class Orders
{
    public static readonly SlaClock Clock = new(BusinessCalendar.ChinaMainland());

    public static readonly IReadOnlyList<SlaPolicy> Policies = SlaDefaults.Policies();

    /// <summary>Wednesday 2026-05-06 10:00 CST, an ordinary working day.</summary>
    public static readonly DateTime Received = Cst.At(2026, 5, 6, 10, 0);

    public static readonly CustomerFacts UrbanCustomer = new(1001, 4, AreaType.Urban);

    public static WorkOrderIntake Intake(WorkOrderType type = WorkOrderType.Repair, string number = "DF20260506-000001") =>
        new(number, type, Channel.Hotline, Received, OrgUnitId: 3, "agent-wang", "家里停电了")
        {
            Customer = UrbanCustomer,
            ComplaintClass = type == WorkOrderType.Complaint ? ComplaintClass.Service : null,
            ServiceApplication = type == WorkOrderType.ServiceApplication ? ServiceApplicationKind.MeterTest : null,
        };

    public static WorkOrder Receive(WorkOrderIntake intake)
    {
        var result = WorkOrder.Receive(intake, Policies, Clock);
        Assert.True(result.IsReceived, result.Error?.Message);
        return result.Order;
    }

    public static WorkOrder Receive(WorkOrderType type = WorkOrderType.Repair, string number = "DF20260506-000001") =>
        Receive(Intake(type, number));

    /// <summary>A change by a dispatcher <paramref name="minutes"/> after receipt.</summary>
    public static ChangeContext After(int minutes, Channel? channel = null) =>
        new("dispatcher-li", Received.AddMinutes(minutes), Clock, channel);

    public static ChangeContext At(DateTime atUtc, Channel? channel = null) => new("dispatcher-li", atUtc, Clock, channel);

    /// <summary>The clock of the same calendar at a later settings revision, as after an administrator's edit.</summary>
    public static SlaClock Revised(this SlaClock clock, int revision) =>
        new(clock.Calendar) { SettingsRevision = revision, WarningPercent = clock.WarningPercent };

    /// <summary>An order driven along the ordinary path up to <paramref name="status"/>.</summary>
    public static WorkOrder InStatus(WorkOrderStatus status, WorkOrderType type = WorkOrderType.Repair)
    {
        var order = Receive(type);
        var repair = type == WorkOrderType.Repair;
        WorkOrderStatus[] path = repair
            ? [WorkOrderStatus.Dispatched, WorkOrderStatus.Accepted, WorkOrderStatus.Arrived, WorkOrderStatus.Resolved, WorkOrderStatus.Revisit, WorkOrderStatus.Closed]
            : [WorkOrderStatus.Dispatched, WorkOrderStatus.Accepted, WorkOrderStatus.Resolved, WorkOrderStatus.Revisit, WorkOrderStatus.Closed];
        if (status == WorkOrderStatus.Cancelled)
        {
            Assert.Null(order.Cancel("Caller hung up before giving an address", After(1)));
            return order;
        }

        var minute = 0;
        foreach (var step in path.TakeWhile(_ => order.Status != status))
        {
            minute += 10;
            var context = After(minute);
            var error = step switch
            {
                WorkOrderStatus.Dispatched => order.Dispatch(4, "抢修一班", context),
                WorkOrderStatus.Accepted => order.Accept(context),
                WorkOrderStatus.Arrived => order.Arrive(context),
                WorkOrderStatus.Resolved => order.Resolve("C-LINE", "R-REPAIRED", context),
                WorkOrderStatus.Revisit => order.StartRevisit(context),
                WorkOrderStatus.Closed => order.RecordRevisit(RevisitResult.Satisfied, null, context),
                _ => throw new ArgumentOutOfRangeException(nameof(status)),
            };
            Assert.Null(error);
        }

        Assert.Equal(status, order.Status);
        return order;
    }
}
