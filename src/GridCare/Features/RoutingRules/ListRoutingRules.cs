using GridCare.Domain.RoutingRules;
using GridCare.Domain.Staff;
using GridCare.Domain.WorkOrders;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.RoutingRules;

/// <summary>The routing rules of the caller's units, and one rule with its edit history.</summary>
public sealed class ListRoutingRules(IDbContextFactory<AppDbContext> dbFactory, StaffScopeResolver scopes)
{
    /// <summary>Who reads the rules: those who edit them, and dispatchers, who route what the rules do not.</summary>
    public static readonly StaffRole[] Readers = [StaffRole.Admin, StaffRole.Manager, StaffRole.Dispatcher];

    public async Task<IReadOnlyList<RoutingRuleResponse>> ListAsync(StaffScope scope, WorkOrderType? type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = scope.VisibleOrgUnitIds.ToList();
        var rules = db.Set<RoutingRule>().AsNoTracking().Where(r => visible.Contains(r.OrgUnitId));
        if (type is { } t)
        {
            rules = rules.Where(r => r.Type == t);
        }

        var tree = await scopes.TreeAsync(cancellationToken);
        var list = await rules.ToListAsync(cancellationToken);
        return [.. list
            .OrderBy(r => tree.PathTo(r.OrgUnitId).Count)
            .ThenBy(r => r.OrgUnitId)
            .ThenBy(r => r.Type)
            .ThenBy(r => r.Id)
            .Select(r => r.ToResponse(tree.Find(r.OrgUnitId)?.Name))];
    }

    public async Task<RoutingRuleDetail?> GetAsync(int id, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rule = await db.Set<RoutingRule>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null || !scope.Sees(rule.OrgUnitId))
        {
            return null;
        }

        var history = await db.Set<RoutingRuleChange>().AsNoTracking()
            .Where(c => c.RuleId == id)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var tree = await scopes.TreeAsync(cancellationToken);
        return new RoutingRuleDetail(rule.ToResponse(tree.Find(rule.OrgUnitId)?.Name), [.. history.Select(c => c.ToResponse())]);
    }

    /// <summary>The latest edits of rules in the caller's units, newest first, for the console page.</summary>
    public async Task<IReadOnlyList<RoutingRuleChangeResponse>> RecentChangesAsync(StaffScope scope, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = scope.VisibleOrgUnitIds.ToList();
        var changes = await db.Set<RoutingRuleChange>().AsNoTracking()
            .Where(c => visible.Contains(c.OrgUnitId))
            .OrderByDescending(c => c.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
        return [.. changes.Select(c => c.ToResponse())];
    }
}
