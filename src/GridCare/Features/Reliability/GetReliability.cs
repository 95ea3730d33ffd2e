using GridCare.Analytics.Reliability;
using GridCare.Domain.Sla;
using GridCare.Domain.Staff;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Reliability;

public enum ReliabilityGrouping
{
    Month,
}

/// <summary>What was asked, checked: the unit (and feeder) in the caller's scope, whole China days, the β convention.</summary>
public sealed record ReliabilityRequest(int? OrgUnitId, string? FeederCode, DateOnly From, DateOnly To, DeviationConvention Deviation, ReliabilityGrouping? GroupBy);

public abstract record GetReliabilityResult
{
    public sealed record Found(ReliabilityResponse Reliability) : GetReliabilityResult;

    public sealed record NotFound(string Detail) : GetReliabilityResult;

    public sealed record Forbidden(string Reason) : GetReliabilityResult;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : GetReliabilityResult;
}

/// <summary>
/// IEEE 1366 and DL/T 836 indices of an org unit or a feeder over a period, from the interruption records, with and
/// without the major event days of the county bureau (2.5 beta over up to five years of its daily SAIDI before the
/// period), optionally month by month. The math is the engine's, as the command line uses it.
/// </summary>
public sealed class GetReliability(IDbContextFactory<AppDbContext> dbFactory, StaffScopeResolver scopes, TimeProvider time)
{
    /// <summary>Those who plan outages and answer for the targets.</summary>
    public static readonly StaffRole[] Readers = [StaffRole.Dispatcher, StaffRole.Manager, StaffRole.Admin];

    public const double UrbanTargetRs1 = 99.9;

    public const double RuralTargetRs1 = 99.8;

    private const int HistoryYears = 5;

    public async Task<GetReliabilityResult> HandleAsync(ReliabilityRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        if (!Readers.Any(scope.IsIn))
        {
            return new GetReliabilityResult.Forbidden($"Reliability indices are read by {string.Join(", ", Readers.Select(StaffRoles.NameOf))}.");
        }

        var tree = await scopes.TreeAsync(cancellationToken);
        var unitId = request.OrgUnitId ?? scope.OrgUnitId;
        if (tree.Find(unitId) is not { } unit || !scope.Sees(unitId))
        {
            return new GetReliabilityResult.NotFound($"No org unit {unitId} among yours.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var area = new ReliabilityArea([.. tree.SelfAndDescendants(unitId).Where(scope.Sees)], null, []);
        string? feederName = null;
        if (request.FeederCode is { } code)
        {
            var feeder = await ReliabilityData.FeederAsync(db, code, cancellationToken);
            if (feeder is null || !area.OrgUnitIds.Contains(feeder.OrgUnitId))
            {
                return new GetReliabilityResult.NotFound($"No feeder {code} in {unit.Name}.");
            }

            unit = tree.Find(feeder.OrgUnitId)!;
            feederName = feeder.Name;
            var network = await Network.UpperNetwork.LoadAsync(db, cancellationToken);
            area = new ReliabilityArea([feeder.OrgUnitId], feeder.Id, network.FeederAndSwitchesBelow(feeder.Id));
            request = request with { FeederCode = feeder.Code };
        }

        var (served, urban) = await ReliabilityData.CustomersServedAsync(db, area, cancellationToken);
        if (served == 0)
        {
            return new GetReliabilityResult.Invalid(new Dictionary<string, string[]>
            {
                [request.FeederCode is null ? "orgUnitId" : "feederCode"] = [$"{feederName ?? unit.Name} serves no customers."],
            });
        }

        var now = time.GetUtcNow().UtcDateTime;
        var period = new ReliabilityPeriod(request.From, request.To, ChinaTime.Offset);
        var interruptions = await ReliabilityData.InterruptionsAsync(db, area, period, now, cancellationToken);

        // N_T is today's customers; one who left the scope since an interruption must not make CN exceed N_T.
        served = Math.Max(served, interruptions.Select(i => i.CustomerId).Distinct(StringComparer.Ordinal).Count());
        var settings = new ReliabilitySettings(served, period);
        var (medDays, method, threshold) = await MajorEventDaysAsync(db, tree, unit, request, settings, area.FeederId is null ? served : null, cancellationToken);
        var report = ReliabilityCalculator.Calculate(interruptions, settings, medDays.Keys.ToHashSet());
        var scopeSaidi = report.MajorEventDays.ToDictionary(d => d.Date, d => d.SaidiMinutes);
        var target = ((urban * UrbanTargetRs1) + ((served - urban) * RuralTargetRs1)) / served;
        return new GetReliabilityResult.Found(new ReliabilityResponse(
            new ReliabilityScopeResponse(unit.Id, unit.Name, request.FeederCode, feederName, urban, Math.Round(target, 3)),
            PeriodOf(period),
            served,
            threshold?.TMedMinutes,
            [.. medDays.Keys.Order()],
            [.. medDays.OrderBy(d => d.Key).Select(d => new MajorEventDayResponse(d.Key, d.Value, scopeSaidi.GetValueOrDefault(d.Key)))],
            method,
            ReliabilityIndicesResponse.From(report.All),
            ReliabilityIndicesResponse.From(report.ExcludingMajorEventDays),
            request.GroupBy == ReliabilityGrouping.Month ? ReliabilityTrend.ByMonth(interruptions, settings, medDays.Keys.ToHashSet()) : null));
    }

    private static async Task<(Dictionary<DateOnly, double> Days, MajorEventMethodResponse Method, MajorEventThreshold? Threshold)> MajorEventDaysAsync(
        AppDbContext db, Domain.Organization.OrgUnitTree tree, Domain.Organization.OrgUnit unit, ReliabilityRequest request, ReliabilitySettings settings, int? unitServed, CancellationToken cancellationToken)
    {
        var system = ReliabilityData.SystemOf(tree, unit);
        var systemUnits = tree.SelfAndDescendants(system.Id);
        var systemServed = system.Id == unit.Id && unitServed is { } known
            ? known
            : (await ReliabilityData.CustomersServedAsync(db, new ReliabilityArea(systemUnits, null, []), cancellationToken)).Total;
        var historyFrom = request.From.AddYears(-HistoryYears);
        var historyTo = request.From.AddDays(-1);
        var daily = await ReliabilityData.DailySaidiAsync(
            db, systemUnits, Math.Max(1, systemServed), historyFrom, request.To, settings.MomentaryLimit, cancellationToken);
        var history = daily.Where(d => d.Key < request.From).Select(d => d.Value).ToList();

        // 2.5 beta needs two days with interruptions to have a deviation; a new system has no major event days yet.
        var threshold = history.Count >= 2 ? MajorEventThreshold.FromHistory(history, request.Deviation) : null;
        var days = threshold is null
            ? []
            : daily.Where(d => d.Key >= request.From && threshold.IsMajorEvent(d.Value)).ToDictionary(d => d.Key, d => d.Value);
        var method = new MajorEventMethodResponse(
            "2.5 beta (IEEE 1366)", request.Deviation == DeviationConvention.Sample ? "sample" : "population",
            threshold?.Alpha, threshold?.Beta, threshold?.DaysUsed ?? history.Count, historyFrom, historyTo, system.Id, system.Name);
        return (days, method, threshold);
    }

    internal static ReliabilityPeriodResponse PeriodOf(ReliabilityPeriod period) => new(period.From, period.To, period.Days);
}
