using GridCare.Domain.Staff;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Warnings;

/// <summary>A unit's switch: <c>setting</c> is its own (null when it inherits), <c>enabled</c> what applies to it.</summary>
public sealed record ProactiveOrderUnitResponse(int OrgUnitId, string Name, int? ParentId, bool? Setting, bool Enabled, string? UpdatedBy, DateTime? UpdatedAt);

public sealed record ProactiveOrderSettingRequest(bool? Enabled);

/// <summary>The per-unit switch for proactive work orders from warnings: read by the warning readers, set by managers and admins.</summary>
public sealed class EditProactiveOrders(AppDbContext db, StaffScopeResolver scopes, TimeProvider time)
{
    public static readonly StaffRole[] Editors = [StaffRole.Manager, StaffRole.Admin];

    /// <summary>Every unit of the caller with its own and its effective setting, in tree order.</summary>
    public async Task<List<ProactiveOrderUnitResponse>> ListAsync(StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var settings = await db.Set<ProactiveOrderSetting>().AsNoTracking().ToDictionaryAsync(s => s.OrgUnitId, cancellationToken);
        var enabled = settings.ToDictionary(s => s.Key, s => s.Value.Enabled);
        var tree = await scopes.TreeAsync(cancellationToken);
        return [.. scope.VisibleOrgUnitIds.Order().Select(tree.Find).OfType<Domain.Organization.OrgUnit>().Select(u =>
        {
            var own = settings.GetValueOrDefault(u.Id);
            return new ProactiveOrderUnitResponse(u.Id, u.Name, u.ParentId, own?.Enabled, EvaluateWarnings.Enabled(tree, enabled, u.Id), own?.UpdatedBy, own?.UpdatedAt);
        })];
    }

    /// <returns>Null when set; otherwise why not (403 for a role or unit the caller may not change).</returns>
    public async Task<string?> SetAsync(int orgUnitId, bool enabled, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!Editors.Any(scope.IsIn) || !scope.Sees(orgUnitId))
        {
            return $"Proactive orders are switched by {string.Join(", ", Editors.Select(StaffRoles.NameOf))} for their own units.";
        }

        var now = time.GetUtcNow().UtcDateTime;
        var setting = await db.Set<ProactiveOrderSetting>().FirstOrDefaultAsync(s => s.OrgUnitId == orgUnitId, cancellationToken);
        if (setting is null)
        {
            db.Add(ProactiveOrderSetting.Create(orgUnitId, enabled, scope.UserName, now));
        }
        else
        {
            setting.Set(enabled, scope.UserName, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
