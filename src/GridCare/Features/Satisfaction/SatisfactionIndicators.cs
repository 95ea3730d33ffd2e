using GridCare.Features.Revisits;

namespace GridCare.Features.Satisfaction;

/// <summary>
/// One SLA limit (firstContact, arrival, resolution, reply) of the orders received in a period: <c>Due</c> counts the
/// targets that were met or whose deadline has passed unmet; targets still running are left out, since they can
/// still go either way. <c>Rate</c> is met on time over due; null when nothing was due.
/// </summary>
public sealed record SlaCompliance(string Target, int Due, int MetOnTime, int Breached, double? Rate);

/// <summary>
/// The DOMAIN.md §5 indicators of one period (or of the whole range for the totals). Rates are fractions (0.75, not
/// 75 %) and null when they have nothing to count.
/// </summary>
/// <param name="Period">yyyy-MM-dd (day, week by its Monday), yyyy-MM (month), or "total".</param>
/// <param name="Orders">Work orders received in the period, orders merged into others left out.</param>
/// <param name="Contacts">Customer contacts those orders stand for, repeat calls included.</param>
/// <param name="RevisitsAnswered">Revisit answers given in the period (counted by the day of the answer).</param>
/// <param name="RevisitSatisfactionRate">回访满意率: satisfied and fairly satisfied answers over all answers, as <see cref="GetRevisitResults"/> counts it.</param>
/// <param name="Complaints">Complaint orders received in the period.</param>
/// <param name="ComplaintsPerThousandCustomers">千户投诉率 over today's customers of the units, as the complaint analytics count it.</param>
/// <param name="Resolved">Orders of the period that have been resolved.</param>
/// <param name="FirstContactResolved">Of those, resolved without the customer calling again and without being reopened.</param>
/// <param name="FirstContactResolutionRate">FirstContactResolved over Resolved.</param>
/// <param name="RepeatCalls">Contacts after the first about an order still open (催办).</param>
/// <param name="OrdersWithRepeatCalls">Orders that had at least one repeat call.</param>
/// <param name="RepeatCallRate">OrdersWithRepeatCalls over Orders.</param>
/// <param name="SlaComplianceRate">All targets of <paramref name="Sla"/> met on time over all due.</param>
/// <param name="Sla">Compliance per SLA limit.</param>
/// <param name="Csat">CSAT: the mean of the 1–5 answers to survey campaigns given in the period (<see cref="Surveys.SurveyScore"/>); null without answers.</param>
/// <param name="Nps">NPS (−100…100): % promoters (9–10) − % detractors (0–6) of the survey answers given in the period; null without answers.</param>
/// <param name="IvrSelfServiceShare">Share of the IVR's recorded calls settled without an agent (<see cref="Ivr.IvrSelfServiceShare"/>); null without calls.</param>
public sealed record IndicatorValues(
    string Period,
    int Orders,
    int Contacts,
    int RevisitsAnswered,
    double? RevisitSatisfactionRate,
    int Complaints,
    double ComplaintsPerThousandCustomers,
    int Resolved,
    int FirstContactResolved,
    double? FirstContactResolutionRate,
    int RepeatCalls,
    int OrdersWithRepeatCalls,
    double? RepeatCallRate,
    double? SlaComplianceRate,
    IReadOnlyList<SlaCompliance> Sla,
    double? Csat,
    double? Nps,
    double? IvrSelfServiceShare);

/// <summary>The indicators of a unit (with the units below it that the caller sees) over whole China days.</summary>
public sealed record SatisfactionIndicatorsResponse(
    int OrgUnitId,
    string OrgUnitName,
    DateOnly From,
    DateOnly To,
    RevisitPeriod Interval,
    int Customers,
    IndicatorValues Totals,
    IReadOnlyList<IndicatorValues> Series);
