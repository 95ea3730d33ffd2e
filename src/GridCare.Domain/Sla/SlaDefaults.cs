using GridCare.Domain.Network;
using GridCare.Domain.WorkOrders;

namespace GridCare.Domain.Sla;

/// <summary>
/// The policies a new installation starts with. They are the published national defaults; provinces set their own
/// rules and years change them, so an administrator edits these as data and code never reads them as constants.
/// </summary>
public static class SlaDefaults
{
    private const int Hour = 60;

    public static IReadOnlyList<SlaPolicy> Policies() =>
    [
        // Repairs (SGCC and CSG ten service commitments 十项承诺): average arrival time by area; restoration is counted
        // from arrival (SGCC 2023: urban 3 h, rural 4 h; the older CSG text says 4 h / 5 h). GB/T 28583-2012 allows
        // 60 / 120 / 240 min for arrival, so these defaults are the stricter company commitments.
        Repair("故障报修（城区）", "Repair, urban", 10, AreaType.Urban, arrivalMinutes: 45, restorationMinutes: 3 * Hour),
        Repair("故障报修（农村）", "Repair, rural", 20, AreaType.Rural, arrivalMinutes: 90, restorationMinutes: 4 * Hour),

        // The commitments publish no restoration time for remote areas (特殊边远); the rural 4 h is used until a
        // province sets its own.
        Repair("故障报修（特殊边远）", "Repair, remote", 30, AreaType.Remote, arrivalMinutes: 120, restorationMinutes: 4 * Hour),

        // Product default: a repair whose area is not known yet gets the strictest (urban) limits, so a missing
        // address never buys the crew time; the limits follow the area once the dispatcher sets it.
        Repair("故障报修（区域未定）", "Repair, area not yet known", 40, areaType: null, arrivalMinutes: 45, restorationMinutes: 3 * Hour),

        // Complaints (SGCC; provincial rules vary): first contact within 24 h, counted as 1 working day so a complaint
        // received on Friday evening is not due on Saturday; reply with the result within 4–7 working days, default 5.
        // A province that means a strict 24 h changes FirstContact to a wall clock of 1440 minutes.
        SlaPolicy.Create(
            "投诉", "Complaint", 100, new SlaCondition(Type: WorkOrderType.Complaint),
            [
                SlaTarget.WorkingDays(SlaTargetKind.FirstContact, 1),
                SlaTarget.WorkingDays(SlaTargetKind.Reply, 5),
            ]),

        // 举报: 9 working days (provincial rule, Huai'an).
        SlaPolicy.Create(
            "举报", "Report", 200, new SlaCondition(Type: WorkOrderType.Report),
            [SlaTarget.WorkingDays(SlaTargetKind.Reply, 9)]),

        // Meter test result and data-anomaly answer: 5 working days (SGCC 2023).
        Application("电能表校验", "Meter test", 300, ServiceApplicationKind.MeterTest, SlaTarget.WorkingDays(SlaTargetKind.Reply, 5)),
        Application("电量数据异常核查", "Data anomaly check", 310, ServiceApplicationKind.DataAnomaly, SlaTarget.WorkingDays(SlaTargetKind.Reply, 5)),

        // Reconnection once arrears are paid: 24 h (SGCC); CSG provinces set 12 h.
        Application("欠费复电", "Reconnection after arrears", 320, ServiceApplicationKind.Reconnection, SlaTarget.WallClock(SlaTargetKind.Resolution, 24 * Hour)),

        // Product default, not a published limit: inquiries, opinions, suggestions and praise, and applications without
        // a policy of their own, get a reply within 5 working days. New connections (业扩报装) and capacity changes have
        // published limits per stage and voltage level (residential ≤ 5, LV non-residential ≤ 6, HV ≤ 22 / 32 working
        // days) that need the customer's category and voltage, which the condition does not carry yet.
        SlaPolicy.Create(
            "其他工单（产品默认）", "Other work orders (product default)", 1000, condition: null,
            [SlaTarget.WorkingDays(SlaTargetKind.Reply, 5)]),
    ];

    private static SlaPolicy Repair(string name, string englishName, int order, AreaType? areaType, int arrivalMinutes, int restorationMinutes) =>
        SlaPolicy.Create(
            name, englishName, order, new SlaCondition(Type: WorkOrderType.Repair, AreaType: areaType),
            [
                SlaTarget.WallClock(SlaTargetKind.Arrival, arrivalMinutes),
                SlaTarget.WallClock(SlaTargetKind.Resolution, restorationMinutes, SlaClockStart.Arrived),
            ]);

    private static SlaPolicy Application(string name, string englishName, int order, ServiceApplicationKind kind, SlaTarget target) =>
        SlaPolicy.Create(
            name, englishName, order,
            new SlaCondition(Type: WorkOrderType.ServiceApplication, ServiceApplication: kind),
            [target]);
}
