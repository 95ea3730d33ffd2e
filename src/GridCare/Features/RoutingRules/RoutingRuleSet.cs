using GridCare.Domain.RoutingRules;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.RoutingRules;

/// <summary>
/// The enabled rules, held in memory: intake routes every new order, and a query per order would cost the intake
/// path a round trip for a table that changes a few times a year.
/// </summary>
public sealed class RoutingRuleSet(IDbContextFactory<AppDbContext> dbFactory, IOptions<RoutingRulesOptions> options, TimeProvider time)
{
    private Snapshot? snapshot;

    public async Task<IReadOnlyList<RoutingRule>> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (snapshot is { } cached && now - cached.LoadedAt < TimeSpan.FromSeconds(options.Value.ReloadSeconds))
        {
            return cached.Rules;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = await db.Set<RoutingRule>().AsNoTracking().Where(r => r.IsEnabled).ToListAsync(cancellationToken);
        snapshot = new Snapshot(rules, now);
        return rules;
    }

    /// <summary>Called after every edit, so the next order on this instance is routed by the edited rules.</summary>
    public void Invalidate() => snapshot = null;

    private sealed record Snapshot(IReadOnlyList<RoutingRule> Rules, DateTimeOffset LoadedAt);
}
