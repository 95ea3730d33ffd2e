using System.Globalization;
using GridCare.Domain.Sla;
using GridCare.Domain.Staff;
using GridCare.Features.ComplaintAnalytics;
using GridCare.Features.Ivr;
using GridCare.Features.Revisits;
using GridCare.Features.Surveys;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Satisfaction;

public abstract record GetSatisfactionIndicatorsResult
{
    public sealed record Found(SatisfactionIndicatorsResponse Indicators) : GetSatisfactionIndicatorsResult;

    public sealed record Forbidden(string Reason) : GetSatisfactionIndicatorsResult;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : GetSatisfactionIndicatorsResult;
}

/// <summary>
/// The satisfaction indicators (DOMAIN.md §5) of an org unit and the units below it that the caller sees, over whole
/// China days, in total and per day, week or month. Orders count in the period they were received in, revisit answers
/// and survey answers in the period they were given in. The revisit rate is the revisits feature's own count and 千户投诉率 the complaint
/// analytics' own and the IVR self-service share the IVR report's own, so the dashboards never disagree with those pages.
/// </summary>
public sealed class GetSatisfactionIndicators(
    IDbContextFactory<AppDbContext> dbFactory, StaffScopeResolver resolver, GetRevisitResults revisits, IvrSelfServiceShare ivr, TimeProvider time)
{
    /// <summary>Those who answer for satisfaction and analyse it.</summary>
    public static readonly StaffRole[] Readers = [StaffRole.Manager, StaffRole.Analyst, StaffRole.Admin];

    public const string Total = "total";

    private const int MaxDays = 3 * 366;

    public static bool MayRead(StaffScope scope) => Readers.Any(scope.IsIn);

    public async Task<GetSatisfactionIndicatorsResult> HandleAsync(
        StaffScope scope, int? orgUnitId, string? from, string? to, string? interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!MayRead(scope))
        {
            return new GetSatisfactionIndicatorsResult.Forbidden($"Satisfaction indicators are read by {string.Join(", ", Readers.Select(StaffRoles.NameOf))}.");
        }

        var errors = new Dictionary<string, string[]>();
        var today = ChinaTime.DateOf(time.GetUtcNow().UtcDateTime);
        var end = ApiDates.Parse(to, "to", errors) ?? today;
        var start = ApiDates.Parse(from, "from", errors) ?? end.AddDays(-89);
        var by = ApiEnums.Parse<RevisitPeriod>(interval, "interval", errors) ?? RevisitPeriod.Month;
        var unit = orgUnitId ?? scope.OrgUnitId;
        if (!scope.Sees(unit))
        {
            errors["orgUnitId"] = [$"Org unit {unit} is not yours or below yours."];
        }

        if (!errors.ContainsKey("from") && !errors.ContainsKey("to") && (end < start || end.DayNumber - start.DayNumber >= MaxDays))
        {
            errors["to"] = [$"'to' is on or after 'from' ({start:yyyy-MM-dd}), at most {MaxDays} days later."];
        }

        if (errors.Count > 0)
        {
            return new GetSatisfactionIndicatorsResult.Invalid(errors);
        }

        var area = (await ComplaintData.ScopeAsync(resolver, scope, unit, start, end, cancellationToken))!;
        return new GetSatisfactionIndicatorsResult.Found(await IndicatorsAsync(scope, area, by, cancellationToken));
    }

    /// <summary>The indicators of a scope already checked against the caller (the dashboard and its export call this).</summary>
    public async Task<SatisfactionIndicatorsResponse> IndicatorsAsync(StaffScope scope, ComplaintScope area, RevisitPeriod by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(area);
        var units = area.Units.ToList();
        var (fromUtc, toUtc) = (area.FromUtc, area.ToUtc);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Orders merged into another are cancelled and their contacts counted on the order they joined.
        var orders = await db.WorkOrders.AsNoTracking()
            .Where(w => units.Contains(w.OrgUnitId) && w.ReceivedAt >= fromUtc && w.ReceivedAt < toUtc && w.MergedIntoId == null)
            .Select(w => new OrderFacts(
                w.ReceivedAt, w.ResolvedAt, w.ContactCount, w.RepeatContactCount, w.ReopenCount, w.FirstContactDueAt, w.FirstContactAt,
                w.ArrivalDueAt, w.ArrivedAt, w.ResolutionDueAt, w.ReplyDueAt, w.RepliedAt))
            .ToListAsync(cancellationToken);
        var complaints = await ComplaintData.ComplaintsAsync(db, area, cancellationToken);
        var customers = await db.Customers.AsNoTracking().CountAsync(c => units.Contains(c.OrgUnitId), cancellationToken);
        var answers = await revisits.HandleAsync(Day(area.From), Day(area.To), ApiEnums.Name(by), area.OrgUnitId, scope, cancellationToken) switch
        {
            GetRevisitResultsResult.Found found => found.Results.Totals,
            var other => throw new InvalidOperationException($"Revisit results refused a scope the indicators accepted: {other}."),
        };

        var calls = await ivr.ComputeAsync(units, area.From, area.To, cancellationToken);
        var surveys = await SurveyScore.AnswersAsync(db, units, fromUtc, toUtc, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        string PeriodOf(DateTime utc) => GetRevisitResults.Key(ChinaTime.DateOf(utc), by);
        var ordersBy = orders.ToLookup(o => PeriodOf(o.ReceivedAt));
        var complaintsBy = complaints.ToLookup(c => PeriodOf(c.ReceivedAt));
        var answersBy = answers.ToDictionary(a => a.Period, StringComparer.Ordinal);
        var surveysBy = surveys.ToLookup(a => PeriodOf(a.AnsweredAt), a => new SurveyScoreInput(a.Csat, a.Nps));
        var callsBy = calls.ByDay.GroupBy(d => GetRevisitResults.Key(d.Key, by))
            .ToDictionary(g => g.Key, g => g.Select(d => d.Value).Aggregate(IvrSelfServiceCount.Add), StringComparer.Ordinal);
        var periods = Enumerable.Range(0, area.To.DayNumber - area.From.DayNumber + 1)
            .Select(d => GetRevisitResults.Key(area.From.AddDays(d), by)).Distinct().ToList();
        var series = periods
            .Select(p => IndicatorMath.Of(p, [.. ordersBy[p]], complaintsBy[p].Count(), customers, answersBy.GetValueOrDefault(p), callsBy.GetValueOrDefault(p), now, SurveyScore.Of(surveysBy[p])))
            .ToList();
        var totals = IndicatorMath.Of(Total, orders, complaints.Count, customers, Sum(answers), calls.Total, now, SurveyScore.Of(surveys.Select(a => new SurveyScoreInput(a.Csat, a.Nps))));
        return new SatisfactionIndicatorsResponse(area.OrgUnitId, area.OrgUnitName, area.From, area.To, by, customers, totals, series);
    }

    /// <summary>The answers of all periods together, with the rate over all of them (not an average of the periods' rates).</summary>
    private static RevisitResultRow? Sum(IReadOnlyList<RevisitResultRow> rows)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var (satisfied, fairly, answered) = (rows.Sum(r => r.Satisfied), rows.Sum(r => r.FairlySatisfied), rows.Sum(r => r.Answered));
        return new RevisitResultRow(
            Total, null, null, satisfied, fairly, rows.Sum(r => r.Neutral), rows.Sum(r => r.Unsatisfied), answered, IndicatorMath.Rate(satisfied + fairly, answered));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
