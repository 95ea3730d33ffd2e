using GridCare.Domain.RoutingRules;
using GridCare.Domain.Staff;
using GridCare.Domain.WorkOrders;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.RoutingRules;

/// <summary>
/// A routing rule as posted: the unit, the orders it takes (type, optionally complaint class and priority) and the
/// team. Every field is checked by the handler, so one answer names every bad field.
/// </summary>
public sealed record RoutingRuleRequest(
    int? OrgUnitId,
    string? Type,
    string? Team,
    string? ComplaintClass = null,
    string? Priority = null,
    bool Enabled = true);

public abstract record EditRoutingRuleResult
{
    public sealed record Saved(RoutingRuleResponse Rule) : EditRoutingRuleResult;

    public sealed record Deleted : EditRoutingRuleResult;

    public sealed record NotFound : EditRoutingRuleResult;

    public sealed record Forbidden(string Reason) : EditRoutingRuleResult;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : EditRoutingRuleResult;

    /// <summary>Another rule of the unit already takes exactly these orders.</summary>
    public sealed record Duplicate(int ExistingRuleId) : EditRoutingRuleResult;
}

/// <summary>
/// Creates, changes and deletes routing rules. Administrators and supervisors (managers) edit the rules of their own
/// units; every edit is recorded with who made it and what it changed, and applies to the next order taken in.
/// </summary>
public sealed class EditRoutingRule(AppDbContext db, RoutingRuleSet ruleSet, StaffScopeResolver scopes, TimeProvider time)
{
    public static readonly StaffRole[] Editors = [StaffRole.Admin, StaffRole.Manager];

    public async Task<EditRoutingRuleResult> CreateAsync(RoutingRuleRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        if (Refuse(scope) is { } forbidden)
        {
            return forbidden;
        }

        if (Check(request, scope, out var errors) is not { } definition)
        {
            return new EditRoutingRuleResult.Invalid(errors);
        }

        if (await DuplicateOfAsync(definition, exceptId: null, cancellationToken) is { } existing)
        {
            return new EditRoutingRuleResult.Duplicate(existing);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rule = RoutingRule.Create(definition);
        db.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        db.Add(RoutingRuleChange.Record(rule.Id, rule.OrgUnitId, Now(), scope.UserName, RoutingRuleChangeAction.Created, RoutingRuleResponses.Describe(definition)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await SavedAsync(rule, cancellationToken);
    }

    public async Task<EditRoutingRuleResult> UpdateAsync(int id, RoutingRuleRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        if (Refuse(scope) is { } forbidden)
        {
            return forbidden;
        }

        var rule = await db.Set<RoutingRule>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null || !scope.Sees(rule.OrgUnitId))
        {
            return new EditRoutingRuleResult.NotFound();
        }

        if (Check(request, scope, out var errors) is not { } definition)
        {
            return new EditRoutingRuleResult.Invalid(errors);
        }

        if (await DuplicateOfAsync(definition, exceptId: id, cancellationToken) is { } existing)
        {
            return new EditRoutingRuleResult.Duplicate(existing);
        }

        var before = rule.Definition;
        if (rule.Change(definition))
        {
            db.Add(RoutingRuleChange.Record(
                rule.Id, rule.OrgUnitId, Now(), scope.UserName, RoutingRuleChangeAction.Updated, RoutingRuleResponses.Difference(before, rule.Definition)));
            await db.SaveChangesAsync(cancellationToken);
        }

        return await SavedAsync(rule, cancellationToken);
    }

    public async Task<EditRoutingRuleResult> DeleteAsync(int id, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (Refuse(scope) is { } forbidden)
        {
            return forbidden;
        }

        var rule = await db.Set<RoutingRule>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null || !scope.Sees(rule.OrgUnitId))
        {
            return new EditRoutingRuleResult.NotFound();
        }

        db.Remove(rule);
        db.Add(RoutingRuleChange.Record(rule.Id, rule.OrgUnitId, Now(), scope.UserName, RoutingRuleChangeAction.Deleted, RoutingRuleResponses.Describe(rule.Definition)));
        await db.SaveChangesAsync(cancellationToken);
        ruleSet.Invalidate();
        return new EditRoutingRuleResult.Deleted();
    }

    private static EditRoutingRuleResult.Forbidden? Refuse(StaffScope scope) =>
        Editors.Any(scope.IsIn) ? null : new EditRoutingRuleResult.Forbidden($"Routing rules are edited by {string.Join(", ", Editors.Select(StaffRoles.NameOf))}.");

    /// <summary>The request as a rule, or null with an error per bad field.</summary>
    private static RoutingRuleDefinition? Check(RoutingRuleRequest request, StaffScope scope, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (request.OrgUnitId is not { } unit)
        {
            errors["orgUnitId"] = ["The org unit is required."];
        }
        else if (!scope.Sees(unit))
        {
            errors["orgUnitId"] = [$"Org unit {unit} is not one of yours."];
        }

        var type = ApiEnums.Parse<WorkOrderType>(request.Type, "type", errors);
        if (request.Type is null)
        {
            errors["type"] = ["The order type is required."];
        }

        var complaintClass = ApiEnums.Parse<ComplaintClass>(request.ComplaintClass, "complaintClass", errors);
        if (complaintClass is not null && type is not null && type != WorkOrderType.Complaint)
        {
            errors["complaintClass"] = [$"Only complaint rules have a complaint class, not {request.Type} rules."];
        }

        var priority = ApiEnums.Parse<WorkOrderPriority>(request.Priority, "priority", errors);
        var team = request.Team?.Trim() ?? string.Empty;
        if (team.Length is 0 or > RoutingRule.MaxTeamLength)
        {
            errors["team"] = [$"The team is 1 to {RoutingRule.MaxTeamLength} characters."];
        }

        return errors.Count == 0
            ? new RoutingRuleDefinition(request.OrgUnitId!.Value, type!.Value, complaintClass, priority, team, request.Enabled)
            : null;
    }

    private async Task<int?> DuplicateOfAsync(RoutingRuleDefinition definition, int? exceptId, CancellationToken cancellationToken)
    {
        var sameUnitAndType = await db.Set<RoutingRule>().AsNoTracking()
            .Where(r => r.OrgUnitId == definition.OrgUnitId && r.Type == definition.Type && r.Id != exceptId)
            .ToListAsync(cancellationToken);
        return sameUnitAndType.FirstOrDefault(r => r.HasSameCriteria(definition))?.Id;
    }

    private async Task<EditRoutingRuleResult.Saved> SavedAsync(RoutingRule rule, CancellationToken cancellationToken)
    {
        ruleSet.Invalidate();
        var tree = await scopes.TreeAsync(cancellationToken);
        return new EditRoutingRuleResult.Saved(rule.ToResponse(tree.Find(rule.OrgUnitId)?.Name));
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
