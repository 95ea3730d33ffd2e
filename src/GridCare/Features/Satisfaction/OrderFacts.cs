using GridCare.Domain.Sla;
using GridCare.Features.ComplaintAnalytics;
using GridCare.Features.Ivr;
using GridCare.Features.Revisits;
using GridCare.Features.Surveys;
using GridCare.Platform;

namespace GridCare.Features.Satisfaction;

/// <summary>What the indicators read of one work order: its contacts, resolution, reopenings and SLA deadlines with the instants that met them.</summary>
public sealed record OrderFacts(
    DateTime ReceivedAt,
    DateTime? ResolvedAt,
    int ContactCount,
    int RepeatContactCount,
    int ReopenCount,
    DateTime? FirstContactDueAt,
    DateTime? FirstContactAt,
    DateTime? ArrivalDueAt,
    DateTime? ArrivedAt,
    DateTime? ResolutionDueAt,
    DateTime? ReplyDueAt,
    DateTime? RepliedAt)
{
    /// <summary>The deadline and the instant that met it, per limit: the SLA record the order keeps.</summary>
    public (DateTime? Due, DateTime? Met) Target(SlaTargetKind kind) => kind switch
    {
        SlaTargetKind.FirstContact => (FirstContactDueAt, FirstContactAt),
        SlaTargetKind.Arrival => (ArrivalDueAt, ArrivedAt),
        SlaTargetKind.Resolution => (ResolutionDueAt, ResolvedAt),
        SlaTargetKind.Reply => (ReplyDueAt, RepliedAt),
    };
}

/// <summary>The indicators of one period from the orders, complaints, revisit and survey answers that fall in it.</summary>
public static class IndicatorMath
{
    public static IndicatorValues Of(
        string period, IReadOnlyCollection<OrderFacts> orders, int complaints, int customers, RevisitResultRow? revisits, IvrSelfServiceCount? ivr, DateTime nowUtc, SurveyScore? surveys = null)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var resolved = orders.Where(o => o.ResolvedAt is not null).ToList();

        // First-contact resolution: the customer had to call only once and the fix held (no reopen after a revisit).
        var firstContact = resolved.Count(o => o.RepeatContactCount == 0 && o.ReopenCount == 0);
        var withRepeats = orders.Count(o => o.RepeatContactCount > 0);
        var sla = Enum.GetValues<SlaTargetKind>().Select(kind => Compliance(kind, orders, nowUtc)).ToList();
        var due = sla.Sum(s => s.Due);
        return new IndicatorValues(
            period,
            orders.Count,
            orders.Sum(o => o.ContactCount),
            revisits?.Answered ?? 0,
            revisits?.SatisfactionRate,
            complaints,
            GetComplaintMix.PerThousand(complaints, customers),
            resolved.Count,
            firstContact,
            Rate(firstContact, resolved.Count),
            orders.Sum(o => o.RepeatContactCount),
            withRepeats,
            Rate(withRepeats, orders.Count),
            Rate(sla.Sum(s => s.MetOnTime), due),
            sla,
            Csat: surveys?.Csat,
            Nps: surveys?.Nps,
            IvrSelfServiceShare: ivr?.Share);
    }

    /// <summary>
    /// A target counts once its outcome is known: met (on time or late), or unmet with its deadline passed at
    /// <paramref name="nowUtc"/>. One still running is left out, or a period's rate would rise as its orders age.
    /// </summary>
    public static SlaCompliance Compliance(SlaTargetKind kind, IEnumerable<OrderFacts> orders, DateTime nowUtc)
    {
        var (due, met) = (0, 0);
        foreach (var order in orders)
        {
            if (order.Target(kind) is not ({ } deadline, var metAt) || (metAt is null && deadline > nowUtc))
            {
                continue;
            }

            due++;
            met += metAt <= deadline ? 1 : 0;
        }

        return new SlaCompliance(ApiEnums.Name(kind), due, met, due - met, Rate(met, due));
    }

    public static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
