using GridCare.Domain.Network;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;

namespace GridCare.Domain.Tests.Sla;

public class SlaPolicyTests
{
    private static readonly SlaTarget Reply5 = SlaTarget.WorkingDays(SlaTargetKind.Reply, 5);

    private static readonly SlaPolicy SensitiveComplaint = SlaPolicy.Create(
        "敏感客户投诉", "Complaint, sensitive customer", 50,
        new SlaCondition(Type: WorkOrderType.Complaint, SensitiveCustomer: true),
        [SlaTarget.WorkingDays(SlaTargetKind.Reply, 3)]);

    private static readonly SlaPolicy Complaint = SlaPolicy.Create(
        "投诉", "Complaint", 100, new SlaCondition(Type: WorkOrderType.Complaint), [Reply5]);

    private static readonly SlaPolicy RegulatorTransfer = SlaPolicy.Create(
        "12398转办", "Transferred by 12398", 80, new SlaCondition(Channel: Channel.Transfer12398), [SlaTarget.WorkingDays(SlaTargetKind.Reply, 4)]);

    // Lowest order of all, yet a fallback (no criteria) loses to every policy with a condition that matches.
    private static readonly SlaPolicy Fallback = SlaPolicy.Create("其他", "Other", 0, condition: null, [Reply5]);

    private static readonly SlaPolicy[] Policies = [Fallback, Complaint, SensitiveComplaint, RegulatorTransfer];

    [Fact]
    public void BestMatch_TwoPoliciesMatch_TheMoreSpecificWins()
    {
        var subject = new SlaSubject(WorkOrderType.Complaint, AreaType.Urban, Channel.Hotline, ComplaintClass.Service, SensitiveCustomer: true);

        Assert.Same(SensitiveComplaint, SlaPolicy.BestMatch(Policies, subject));
    }

    [Fact]
    public void BestMatch_MoreSpecific_WinsOverALowerOrder()
    {
        // The sensitive-complaint policy is ordered after all complaints here, yet it names two criteria to one.
        var late = SlaPolicy.Create(
            "敏感客户投诉", "Complaint, sensitive customer", 900,
            new SlaCondition(Type: WorkOrderType.Complaint, SensitiveCustomer: true), [SlaTarget.WorkingDays(SlaTargetKind.Reply, 3)]);
        var subject = new SlaSubject(WorkOrderType.Complaint, AreaType.Urban, Channel.Hotline, ComplaintClass.Service, SensitiveCustomer: true);

        Assert.Same(late, SlaPolicy.BestMatch([Complaint, late, Fallback], subject));
    }

    [Fact]
    public void BestMatch_CriterionNotMet_FallsToTheNextPolicy()
    {
        var subject = new SlaSubject(WorkOrderType.Complaint, AreaType.Urban, Channel.Hotline, ComplaintClass.Service, SensitiveCustomer: false);

        Assert.Same(Complaint, SlaPolicy.BestMatch(Policies, subject));
    }

    [Fact]
    public void BestMatch_EquallySpecific_LowerOrderWins()
    {
        // A 12398 transfer of a complaint: "channel 12398" and "complaints" each set one criterion; order 80 beats 100.
        var subject = new SlaSubject(WorkOrderType.Complaint, AreaType.Rural, Channel.Transfer12398, ComplaintClass.Business);

        Assert.Same(RegulatorTransfer, SlaPolicy.BestMatch(Policies, subject));
    }

    [Fact]
    public void BestMatch_EquallySpecificAndSameOrder_TheNameDecidesWhateverTheListOrder()
    {
        var a = SlaPolicy.Create("A投诉", "A", 100, new SlaCondition(Type: WorkOrderType.Complaint), [Reply5]);
        var b = SlaPolicy.Create("B转办", "B", 100, new SlaCondition(Channel: Channel.Transfer12345), [Reply5]);
        var subject = new SlaSubject(WorkOrderType.Complaint, AreaType.Urban, Channel.Transfer12345, ComplaintClass.Service);

        Assert.Same(a, SlaPolicy.BestMatch([a, b], subject));
        Assert.Same(a, SlaPolicy.BestMatch([b, a], subject));
    }

    [Fact]
    public void BestMatch_NoConditionalPolicyMatches_IsTheFallbackDespiteItsLowOrder()
    {
        var subject = new SlaSubject(WorkOrderType.Inquiry, AreaType.Urban, Channel.Wechat);

        Assert.Same(Fallback, SlaPolicy.BestMatch(Policies, subject));
    }

    [Fact]
    public void BestMatch_NothingMatchesAndNoFallback_IsNull()
    {
        var subject = new SlaSubject(WorkOrderType.Inquiry, AreaType.Urban, Channel.Wechat);

        Assert.Null(SlaPolicy.BestMatch([Complaint, SensitiveComplaint], subject));
    }

    [Fact]
    public void Specificity_CountsTheCriteriaSet()
    {
        Assert.Equal(0, Fallback.Specificity);
        Assert.Equal(1, Complaint.Specificity);
        Assert.Equal(2, SensitiveComplaint.Specificity);
        Assert.Equal(7, new SlaCondition(
            WorkOrderType.Complaint, ComplaintClass.Service, ServiceApplicationKind.MeterTest, AreaType.Urban, false, false, Channel.Sms).Specificity);
    }

    [Fact]
    public void Matches_AreaConditionAndAreaNotKnown_IsFalse()
    {
        var urbanRepair = SlaPolicy.Create(
            "故障报修（城区）", "Repair, urban", 10, new SlaCondition(Type: WorkOrderType.Repair, AreaType: AreaType.Urban), [Reply5]);

        Assert.False(urbanRepair.Matches(new SlaSubject(WorkOrderType.Repair, AreaType: null, Channel.Hotline)));
        Assert.True(urbanRepair.Matches(new SlaSubject(WorkOrderType.Repair, AreaType.Urban, Channel.Hotline)));
    }

    [Fact]
    public void Create_ConditionThatConstrainsNothing_IsFallback()
    {
        var policy = SlaPolicy.Create("其他", "Other", 5, new SlaCondition(), [Reply5]);

        Assert.True(policy.IsFallback);
        Assert.Null(policy.Condition);
    }

    [Fact]
    public void Create_TwoTargetsOfOneKind_Fails()
    {
        Assert.Throws<DomainRuleException>(() => SlaPolicy.Create("投诉", "Complaint", 1, null, [Reply5, SlaTarget.WorkingDays(SlaTargetKind.Reply, 7)]));
    }

    [Fact]
    public void Create_WithoutTargets_Fails()
    {
        Assert.Throws<DomainRuleException>(() => SlaPolicy.Create("投诉", "Complaint", 1, null, []));
    }

    [Fact]
    public void WallClock_ZeroMinutes_Fails()
    {
        Assert.Throws<DomainRuleException>(() => SlaTarget.WallClock(SlaTargetKind.Arrival, 0));
    }
}
