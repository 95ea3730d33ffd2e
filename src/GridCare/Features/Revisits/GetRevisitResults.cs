using System.Globalization;
using GridCare.Domain.Revisits;
using GridCare.Domain.Sla;
using GridCare.Domain.Staff;
using GridCare.Domain.WorkOrders;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Revisits;

public enum RevisitPeriod
{
    Day,

    /// <summary>Monday to Sunday, named by its Monday.</summary>
    Week,

    Month,
}

/// <summary>
/// Answers of one period and unit. The satisfaction rate (回访满意率) counts satisfied and fairly satisfied answers
/// over all answers, as the published rates do; null without answers.
/// </summary>
public sealed record RevisitResultRow(
    string Period, int? OrgUnitId, string? OrgUnit, int Satisfied, int FairlySatisfied, int Neutral, int Unsatisfied, int Answered, double? SatisfactionRate);

public sealed record RevisitResultsResponse(
    DateOnly From, DateOnly To, RevisitPeriod Period, int OrgUnitId, IReadOnlyList<RevisitResultRow> Rows, IReadOnlyList<RevisitResultRow> Totals);

public abstract record GetRevisitResultsResult
{
    public sealed record Found(RevisitResultsResponse Results) : GetRevisitResultsResult;

    public sealed record Forbidden(string Reason) : GetRevisitResultsResult;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : GetRevisitResultsResult;
}

/// <summary>
/// Revisit results for the satisfaction dashboards: answers per period (China calendar days of the answer) and per
/// unit responsible for the order, within a unit of the caller's, with totals per period.
/// </summary>
public sealed class GetRevisitResults(IDbContextFactory<AppDbContext> dbFactory, StaffScopeResolver scopes, TimeProvider time)
{
    /// <summary>Crews work orders; everyone else follows satisfaction.</summary>
    public static readonly StaffRole[] Readers = [StaffRole.Agent, StaffRole.Dispatcher, StaffRole.Manager, StaffRole.Analyst, StaffRole.Admin];

    private const int MaxDays = 3 * 366;

    public async Task<GetRevisitResultsResult> HandleAsync(string? from, string? to, string? period, int? orgUnitId, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!Readers.Any(scope.IsIn))
        {
            return new GetRevisitResultsResult.Forbidden($"Revisit results are read by {string.Join(", ", Readers.Select(StaffRoles.NameOf))}.");
        }

        var errors = new Dictionary<string, string[]>();
        var today = ChinaTime.DateOf(time.GetUtcNow().UtcDateTime);
        var start = ApiDates.Parse(from, "from", errors) ?? new DateOnly(today.Year, today.Month, 1);
        var end = ApiDates.Parse(to, "to", errors) ?? today;
        var by = ParsePeriod(period, errors);
        var unit = orgUnitId ?? scope.OrgUnitId;
        if (!scope.Sees(unit))
        {
            errors["orgUnitId"] = [$"Org unit {unit} is not one of yours."];
        }

        if (errors.Count == 0 && (end < start || end.DayNumber - start.DayNumber >= MaxDays))
        {
            errors["to"] = [$"'to' is on or after 'from', at most {MaxDays} days later."];
        }

        if (errors.Count > 0)
        {
            return new GetRevisitResultsResult.Invalid(errors);
        }

        var tree = await scopes.TreeAsync(cancellationToken);
        var units = tree.SelfAndDescendants(unit).Where(scope.Sees).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.Set<RevisitTask>().AsNoTracking()
            .Where(t => t.Status == RevisitTaskStatus.Answered && t.AnsweredOn >= start && t.AnsweredOn <= end && units.Contains(t.OrgUnitId))
            .GroupBy(t => new { t.AnsweredOn, t.OrgUnitId, t.Result })
            .Select(g => new { g.Key.AnsweredOn, g.Key.OrgUnitId, g.Key.Result, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var rows = counts
            .Select(c => (Period: Key(c.AnsweredOn!.Value, by), c.OrgUnitId, c.Result, c.Count))
            .ToList();
        var perUnit = rows
            .GroupBy(r => (r.Period, r.OrgUnitId))
            .OrderBy(g => g.Key.Period, StringComparer.Ordinal).ThenBy(g => g.Key.OrgUnitId)
            .Select(g => Row(g.Key.Period, g.Key.OrgUnitId, tree.Find(g.Key.OrgUnitId)?.Name, g.Select(r => (r.Result, r.Count))))
            .ToList();
        var totals = rows
            .GroupBy(r => r.Period)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, null, null, g.Select(r => (r.Result, r.Count))))
            .ToList();
        return new GetRevisitResultsResult.Found(new RevisitResultsResponse(start, end, by, unit, perUnit, totals));
    }

    private static RevisitResultRow Row(string period, int? orgUnitId, string? name, IEnumerable<(RevisitResult? Result, int Count)> counts)
    {
        var list = counts.ToList();
        int Of(RevisitResult result) => list.Where(c => c.Result == result).Sum(c => c.Count);
        var answered = list.Sum(c => c.Count);
        var satisfied = Of(RevisitResult.Satisfied);
        var fairly = Of(RevisitResult.FairlySatisfied);
        double? rate = answered == 0 ? null : Math.Round((double)(satisfied + fairly) / answered, 4);
        return new RevisitResultRow(period, orgUnitId, name, satisfied, fairly, Of(RevisitResult.Neutral), Of(RevisitResult.Unsatisfied), answered, rate);
    }

    /// <summary>The name of the period a China day falls in; the satisfaction indicators cut their series the same way.</summary>
    public static string Key(DateOnly day, RevisitPeriod period) => period switch
    {
        RevisitPeriod.Day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        RevisitPeriod.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        RevisitPeriod.Month => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };

    private static RevisitPeriod ParsePeriod(string? period, Dictionary<string, string[]> errors) =>
        ApiEnums.Parse<RevisitPeriod>(period, "period", errors) ?? RevisitPeriod.Month;
}
