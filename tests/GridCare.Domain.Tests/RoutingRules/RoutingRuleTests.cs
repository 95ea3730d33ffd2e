using GridCare.Domain.RoutingRules;
using GridCare.Domain.Tests.WorkOrders;
using GridCare.Domain.WorkOrders;

namespace GridCare.Domain.Tests.RoutingRules;

public class RoutingRuleTests
{
    // Order unit 4 (a station) below 3 (its county bureau) below 2 (the city bureau).
    private static readonly int[] StationPath = [4, 3, 2];

    private static RoutingRule Rule(int unit, WorkOrderType type, string team, ComplaintClass? complaintClass = null, WorkOrderPriority? priority = null, bool enabled = true) =>
        RoutingRule.Create(new RoutingRuleDefinition(unit, type, complaintClass, priority, team, enabled));

    [Fact]
    public void Choose_StationAndCountyRuleOfTheSameCriteria_TakesTheStationsOwn()
    {
        var rules = new[] { Rule(3, WorkOrderType.Repair, "县抢修中心"), Rule(4, WorkOrderType.Repair, "城关抢修班") };

        var chosen = RoutingRule.Choose(rules, StationPath, WorkOrderType.Repair, null, WorkOrderPriority.Normal);

        Assert.Equal("城关抢修班", chosen?.Team);
    }

    [Fact]
    public void Choose_CountyRuleNamingThePriority_BeatsTheStationsGeneralRule()
    {
        var rules = new[] { Rule(4, WorkOrderType.Repair, "城关抢修班"), Rule(3, WorkOrderType.Repair, "应急抢修队", priority: WorkOrderPriority.Urgent) };

        var urgent = RoutingRule.Choose(rules, StationPath, WorkOrderType.Repair, null, WorkOrderPriority.Urgent);
        var normal = RoutingRule.Choose(rules, StationPath, WorkOrderType.Repair, null, WorkOrderPriority.Normal);

        Assert.Equal("应急抢修队", urgent?.Team);
        Assert.Equal("城关抢修班", normal?.Team);
    }

    [Fact]
    public void Choose_ComplaintClassRule_TakesOnlyThatClass()
    {
        var rules = new[] { Rule(3, WorkOrderType.Complaint, "客户服务中心"), Rule(3, WorkOrderType.Complaint, "运维检修班", ComplaintClass.SupplyQuality) };

        Assert.Equal("运维检修班", RoutingRule.Choose(rules, StationPath, WorkOrderType.Complaint, ComplaintClass.SupplyQuality, WorkOrderPriority.Normal)?.Team);
        Assert.Equal("客户服务中心", RoutingRule.Choose(rules, StationPath, WorkOrderType.Complaint, ComplaintClass.Business, WorkOrderPriority.Normal)?.Team);
    }

    [Fact]
    public void Choose_RulesOfOtherUnitsTypesOrDisabled_ChooseNothing()
    {
        var rules = new[]
        {
            Rule(5, WorkOrderType.Repair, "羊场抢修班"),
            Rule(4, WorkOrderType.Inquiry, "城关营业班"),
            Rule(4, WorkOrderType.Repair, "停用的班组", enabled: false),
        };

        Assert.Null(RoutingRule.Choose(rules, StationPath, WorkOrderType.Repair, null, WorkOrderPriority.Normal));
    }

    [Fact]
    public void Create_ComplaintClassOnARepairRule_Throws()
    {
        Assert.Throws<DomainRuleException>(() => Rule(4, WorkOrderType.Repair, "城关抢修班", ComplaintClass.Service));
    }

    [Fact]
    public void Change_SameDefinition_ReportsNoChange()
    {
        var rule = Rule(4, WorkOrderType.Repair, "城关抢修班");

        Assert.False(rule.Change(rule.Definition with { Team = " 城关抢修班 " }));
        Assert.True(rule.Change(rule.Definition with { IsEnabled = false }));
    }

    [Fact]
    public void Route_ReceivedOrder_IsDispatchedToTheTeamWithTheRuleInItsHistory()
    {
        var order = Orders.Receive();

        Assert.Null(order.Route(Rule(4, WorkOrderType.Repair, "城关抢修班"), Orders.After(0) with { Actor = WorkOrder.RoutingActor }));

        Assert.Equal(WorkOrderStatus.Dispatched, order.Status);
        Assert.Equal("城关抢修班", order.Team);
        Assert.Equal(3, order.OrgUnitId);
        var routed = order.History[^1];
        Assert.Equal((WorkOrderAction.Dispatch, WorkOrder.RoutingActor), (routed.Action, routed.Actor));
        Assert.StartsWith("Routed by rule", routed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_ByARuleForAnotherType_Throws()
    {
        var order = Orders.Receive();

        Assert.Throws<DomainRuleException>(() => order.Route(Rule(4, WorkOrderType.Complaint, "客户服务中心"), Orders.After(0)));
    }
}
