using GridCare.Analytics.MeterData.Warnings;
using GridCare.Domain.Organization;
using GridCare.Domain.Warnings;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Warnings;

public sealed record WarningEvaluation(DateOnly Day, int Findings, int Raised, int Refreshed, int Cleared, int OrdersOpened);

/// <summary>
/// Turns one analysed day into warnings: a finding refreshes the active warning of its rule and subject or raises a new
/// one; an active warning not seen for <see cref="WarningsOptions.ClearAfterDays"/> is cleared; open warnings still
/// firing in units that switched proactive orders on get their order. One transaction, so evaluating a day twice, or
/// after a crash, leaves the same warnings.
/// </summary>
public sealed class EvaluateWarnings(
    AppDbContext db, WarningFinder finder, OpenProactiveOrder orders, StaffScopeResolver scopes, IOptions<WarningsOptions> options, TimeProvider time)
{
    public const string Actor = "early-warning";

    public async Task<WarningEvaluation> HandleAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var findings = await finder.FindAsync(day, settings.ToThresholds(), cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var active = (await db.Set<Warning>().Where(w => w.Status != WarningStatus.Cleared).ToListAsync(cancellationToken))
            .GroupBy(w => (w.Rule, w.SubjectCode)).ToDictionary(g => g.Key, g => g.OrderByDescending(w => w.Id).First());
        var (raised, refreshed) = (0, 0);
        foreach (var finding in findings)
        {
            var evidence = WarningEvidence.Serialize(finding.Evidence);
            if (active.TryGetValue((finding.Rule, finding.SubjectCode), out var warning))
            {
                warning.SeenAgain(day, finding.Severity, evidence, now);
                refreshed++;
                continue;
            }

            warning = Warning.Raise(
                finding.Rule, finding.Severity, finding.Action, finding.SubjectCode, finding.TransformerCode, finding.CustomerId, finding.OrgUnitId, day, evidence, now);
            db.Add(warning);
            active[(finding.Rule, finding.SubjectCode)] = warning;
            raised++;
        }

        var seen = findings.Select(f => (f.Rule, f.SubjectCode)).ToHashSet();
        var gone = active.Values.Where(w => !seen.Contains((w.Rule, w.SubjectCode)) && w.LastSeenOn <= day.AddDays(-settings.ClearAfterDays)).ToList();
        foreach (var warning in gone)
        {
            warning.Clear(now);
        }

        var enabled = await ProactiveUnitsAsync(cancellationToken);
        var toOrder = active.Values.Where(w => w.Status == WarningStatus.Open && w.LastSeenOn == day && enabled(w.OrgUnitId)).ToList();
        var opened = await orders.OpenAsync(toOrder, Actor, now, cancellationToken);
        return new WarningEvaluation(day, findings.Count, raised, refreshed, gone.Count, opened.Count);
    }

    /// <summary>Whether a unit opens proactive orders: the nearest setting on its path up to the root decides.</summary>
    private async Task<Func<int, bool>> ProactiveUnitsAsync(CancellationToken cancellationToken)
    {
        var settings = await db.Set<ProactiveOrderSetting>().AsNoTracking().ToDictionaryAsync(s => s.OrgUnitId, s => s.Enabled, cancellationToken);
        if (settings.Count == 0)
        {
            return _ => false;
        }

        var tree = await scopes.TreeAsync(cancellationToken);
        return unit => Enabled(tree, settings, unit);
    }

    internal static bool Enabled(OrgUnitTree tree, IReadOnlyDictionary<int, bool> settings, int orgUnitId)
    {
        var path = tree.PathTo(orgUnitId);
        for (var i = path.Count - 1; i >= 0; i--)
        {
            if (settings.TryGetValue(path[i].Id, out var enabled))
            {
                return enabled;
            }
        }

        return false;
    }
}
