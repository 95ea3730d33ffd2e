using System.Globalization;
using MiniExcelLibs;

namespace GridCare.Features.ManagerDashboard;

/// <summary>
/// The dashboard as one Excel workbook, a sheet per report, and the drill-down's order list as another: managers take
/// these to meetings and to the bureau's monthly report, which are made outside GridCare.
/// </summary>
public static class ExportDashboard
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<byte[]> WorkbookAsync(DashboardReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var i = report.Indicators;
        var reliability = report.Reliability is { } r
            ? new[] { ("all", r.All), ("excluding_major_events", r.ExcludingMajorEvents) }
                .Select(x => new { scope = x.Item1, customers_served = r.CustomersServed, saifi = x.Item2.Saifi, saidi_minutes = x.Item2.Saidi, caidi_minutes = x.Item2.Caidi, asai = x.Item2.Asai, rs_1_percent = x.Item2.Rs1, target_rs_1_percent = r.Scope.TargetRs1 })
                .ToList()
            : [new { scope = "not available", customers_served = 0, saifi = 0.0, saidi_minutes = 0.0, caidi_minutes = (double?)null, asai = 0.0, rs_1_percent = 0.0, target_rs_1_percent = 0.0 }];
        var sheets = new Dictionary<string, object>
        {
            ["summary"] = new[] { new { unit = i.OrgUnitName, from = Day(i.From), to = Day(i.To), interval = i.Interval.ToString().ToLowerInvariant(), customers = i.Customers, times = "China Standard Time (UTC+8)" } },
            ["indicators"] = new[] { i.Totals }.Concat(i.Series).Select(v => new
            {
                period = v.Period,
                orders = v.Orders,
                contacts = v.Contacts,
                revisits_answered = v.RevisitsAnswered,
                revisit_satisfaction_rate = v.RevisitSatisfactionRate,
                complaints = v.Complaints,
                complaints_per_1000_customers = v.ComplaintsPerThousandCustomers,
                resolved = v.Resolved,
                first_contact_resolved = v.FirstContactResolved,
                first_contact_resolution_rate = v.FirstContactResolutionRate,
                repeat_calls = v.RepeatCalls,
                orders_with_repeat_calls = v.OrdersWithRepeatCalls,
                repeat_call_rate = v.RepeatCallRate,
                sla_compliance_rate = v.SlaComplianceRate,
                csat = v.Csat,
                nps = v.Nps,
                ivr_self_service_share = v.IvrSelfServiceShare,
            }).ToList(),
            ["sla"] = i.Totals.Sla.Select(s => new { target = s.Target, due = s.Due, met_on_time = s.MetOnTime, breached = s.Breached, rate = s.Rate }).ToList(),
            ["complaint_mix"] = report.Mix.ByClass.Select(c => new { complaint_class = c.ComplaintClass, count = c.Count, share_percent = c.Share, baseline_percent = c.BaselineShare }).ToList(),
            ["reliability"] = reliability,
            ["transformer_risk"] = report.TransformerRisk.Select(t => new { rank = t.Rank, transformer = t.TransformerCode, unit = t.OrgUnit, score = t.Score, reasons = string.Join("; ", t.Reasons.Select(x => x.Text)), scored_at = t.ScoredAtChina }).ToList(),
            ["warnings"] = report.Warnings.Select(w => new { transformer = w.TransformerCode, subject = w.SubjectCode, rule = w.Rule.ToString(), severity = w.Severity.ToString(), status = w.Status.ToString(), unit = w.OrgUnitName, first_seen = Day(w.FirstSeenOn), last_seen = Day(w.LastSeenOn), days_seen = w.DaysSeen }).ToList(),
        };
        return await SaveAsync(sheets, cancellationToken);
    }

    public static async Task<byte[]> OrdersAsync(IReadOnlyList<DrillOrder> orders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var sheets = new Dictionary<string, object>
        {
            ["orders"] = orders.Select(o => new { number = o.Number, complaint_class = o.ComplaintClass.ToString(), unit = o.OrgUnit, received_china_time = o.ReceivedAtChina, status = o.Status.ToString(), account_number = o.AccountNumber }).ToList(),
        };
        return await SaveAsync(sheets, cancellationToken);
    }

    private static async Task<byte[]> SaveAsync(Dictionary<string, object> sheets, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
