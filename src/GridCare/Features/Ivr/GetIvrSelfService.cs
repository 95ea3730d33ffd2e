using GridCare.Domain.Organization;
using GridCare.Domain.Sla;
using GridCare.Domain.Staff;
using GridCare.Platform;
using GridCare.Platform.Auth;

namespace GridCare.Features.Ivr;

public sealed record IvrSelfServiceDay(DateOnly Date, int Calls, int Resolved, double? Share);

public sealed record IvrSelfServiceUnit(int OrgUnitId, string Name, int Calls, int Resolved, double? Share);

/// <summary>The self-service share of a unit and period, per China day and per unit directly below it (the unit itself for calls counted at it).</summary>
public sealed record IvrSelfServiceReport(
    int OrgUnitId, string OrgUnitName, DateOnly From, DateOnly To, int Calls, int Resolved, double? Share,
    IReadOnlyList<IvrSelfServiceDay> Days, IReadOnlyList<IvrSelfServiceUnit> OrgUnits);

public abstract record GetIvrSelfServiceResult
{
    public sealed record Found(IvrSelfServiceReport Report) : GetIvrSelfServiceResult;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : GetIvrSelfServiceResult;

    /// <summary>The unit does not exist or is outside the caller's units: answered as not found.</summary>
    public sealed record NotFound : GetIvrSelfServiceResult;
}

/// <summary><c>GET /api/v1/ivr/self-service?from=&amp;to=&amp;orgUnitId=</c> for managers, analysts and administrators.</summary>
public sealed class GetIvrSelfService(IvrSelfServiceShare share, StaffScopeResolver resolver, TimeProvider time)
{
    private const int MaxDays = 366;

    public static bool MayRead(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsIn(StaffRole.Manager) || scope.IsIn(StaffRole.Analyst) || scope.IsIn(StaffRole.Admin);
    }

    public async Task<GetIvrSelfServiceResult> HandleAsync(StaffScope scope, int? orgUnitId, string? from, string? to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var errors = new Dictionary<string, string[]>();
        var today = ChinaTime.DateOf(time.GetUtcNow().UtcDateTime);
        var end = ApiDates.Parse(to, "to", errors) ?? today;
        var start = ApiDates.Parse(from, "from", errors) ?? end.AddDays(-29);
        if (errors.Count == 0 && (end < start || end.DayNumber - start.DayNumber >= MaxDays))
        {
            errors["to"] = [$"'to' is on or after 'from' ({start:yyyy-MM-dd}), at most {MaxDays} days later."];
        }

        if (errors.Count > 0)
        {
            return new GetIvrSelfServiceResult.Invalid(errors);
        }

        var tree = await resolver.TreeAsync(cancellationToken);
        var id = orgUnitId ?? scope.OrgUnitId;
        if (!scope.Sees(id) || tree.Find(id) is not { } unit)
        {
            return new GetIvrSelfServiceResult.NotFound();
        }

        var units = tree.SelfAndDescendants(id).Where(scope.Sees).ToList();
        var figures = await share.ComputeAsync(units, start, end, cancellationToken);
        var days = figures.ByDay.Select(d => new IvrSelfServiceDay(d.Key, d.Value.Calls, d.Value.Resolved, d.Value.Share)).ToList();
        var below = figures.ByOrgUnit
            .GroupBy(u => ChildOf(tree, id, u.Key))
            .Select(g => (Unit: tree.Find(g.Key)!, Count: g.Select(u => u.Value).Aggregate(IvrSelfServiceCount.Add)))
            .OrderBy(x => x.Unit.Id == id ? 0 : 1).ThenBy(x => x.Unit.Id)
            .Select(x => new IvrSelfServiceUnit(x.Unit.Id, x.Unit.Name, x.Count.Calls, x.Count.Resolved, x.Count.Share))
            .ToList();
        var total = figures.Total;
        return new GetIvrSelfServiceResult.Found(new IvrSelfServiceReport(id, unit.Name, start, end, total.Calls, total.Resolved, total.Share, days, below));
    }

    /// <summary>The unit directly below <paramref name="top"/> that <paramref name="unitId"/> belongs to, or <paramref name="top"/> itself.</summary>
    private static int ChildOf(OrgUnitTree tree, int top, int unitId)
    {
        var path = tree.PathTo(unitId);
        var index = path.ToList().FindIndex(u => u.Id == top);
        return index >= 0 && index + 1 < path.Count ? path[index + 1].Id : top;
    }
}
