using System.Globalization;
using GridCare.Domain.Sla;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Sla;

public abstract record EditPolicyResult
{
    public sealed record Saved(SlaPolicyResponse Policy) : EditPolicyResult;

    public sealed record NotFound : EditPolicyResult;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : EditPolicyResult;

    /// <summary>The policy changed since the caller read it.</summary>
    public sealed record Stale(int CurrentVersion) : EditPolicyResult;
}

/// <summary>
/// Administrators create, change and disable SLA policies. Each edit is saved with an audit row (who, when, the
/// policy before and after) and a new settings revision in one transaction, then this instance reloads its
/// settings; other instances follow within seconds, and the SLA scanner re-times open orders.
/// </summary>
public sealed class EditSlaPolicies(AppDbContext db, SlaSettings settings, TimeProvider time)
{
    public async Task<EditPolicyResult> CreateAsync(SlaPolicyRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var policy = request.ToPolicy(errors);
        if (policy is null || await ConflictAsync(policy, request.Enabled, null, errors, cancellationToken))
        {
            return new EditPolicyResult.Invalid(errors);
        }

        var at = time.GetUtcNow().UtcDateTime;
        var stored = StoredSlaPolicy.Create(policy, request.Enabled, actor, at);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var revision = await SlaRevisions.NextAsync(db, actor, at, cancellationToken);
        db.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        return await CommitAsync(stored, revision, SlaChangeAction.Created, before: null, actor, at, cancellationToken);
    }

    public async Task<EditPolicyResult> UpdateAsync(int id, SlaPolicyRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stored = await db.Set<StoredSlaPolicy>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (stored is null)
        {
            return new EditPolicyResult.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        if (request.Version is null)
        {
            errors["version"] = ["The version of the policy you edited is required."];
        }

        var policy = request.ToPolicy(errors);
        if (policy is null || await ConflictAsync(policy, request.Enabled, id, errors, cancellationToken) || errors.Count > 0)
        {
            return new EditPolicyResult.Invalid(errors);
        }

        if (request.Version != stored.Version)
        {
            return new EditPolicyResult.Stale(stored.Version);
        }

        return await ChangeAsync(stored, policy, request.Enabled, actor, cancellationToken);
    }

    /// <summary>Disables a policy (DELETE): it stays listed and audited, and matches no order until enabled again.</summary>
    public async Task<EditPolicyResult> DisableAsync(int id, string actor, CancellationToken cancellationToken)
    {
        var stored = await db.Set<StoredSlaPolicy>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return stored is null
            ? new EditPolicyResult.NotFound()
            : await ChangeAsync(stored, stored.ToPolicy(), enabled: false, actor, cancellationToken);
    }

    private async Task<EditPolicyResult> ChangeAsync(StoredSlaPolicy stored, SlaPolicy policy, bool enabled, string actor, CancellationToken cancellationToken)
    {
        var before = SlaPolicyResponse.Of(stored).ToAuditJson();
        var at = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var wasEnabled = stored.IsEnabled;
        if (!stored.Change(policy, enabled, actor, at))
        {
            return new EditPolicyResult.Saved(SlaPolicyResponse.Of(stored));
        }

        var revision = await SlaRevisions.NextAsync(db, actor, at, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another administrator saved this policy between our read and our write.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var current = await db.Set<StoredSlaPolicy>().AsNoTracking().Where(p => p.Id == stored.Id).Select(p => p.Version).FirstAsync(cancellationToken);
            return new EditPolicyResult.Stale(current);
        }

        var action = wasEnabled && !enabled ? SlaChangeAction.Disabled : SlaChangeAction.Updated;
        return await CommitAsync(stored, revision, action, before, actor, at, cancellationToken);
    }

    private async Task<EditPolicyResult> CommitAsync(
        StoredSlaPolicy stored, int revision, SlaChangeAction action, string? before, string actor, DateTime at, CancellationToken cancellationToken)
    {
        var response = SlaPolicyResponse.Of(stored);
        db.Add(SlaChange.Of(
            at, actor, revision, SlaChangeSubject.Policy, stored.Id.ToString(CultureInfo.InvariantCulture), action, before, response.ToAuditJson()));
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.CommitTransactionAsync(cancellationToken);
        await settings.RefreshAsync(cancellationToken);
        return new EditPolicyResult.Saved(response);
    }

    /// <summary>
    /// Two enabled policies with the same condition would tie on specificity and leave the choice to their order
    /// numbers; an administrator almost always meant to edit the existing one, so it is refused naming it.
    /// </summary>
    private async Task<bool> ConflictAsync(SlaPolicy policy, bool enabled, int? id, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (!enabled)
        {
            return false;
        }

        var others = await db.Set<StoredSlaPolicy>().AsNoTracking().Where(p => p.IsEnabled && p.Id != id).ToListAsync(cancellationToken);
        var condition = policy.Condition ?? new SlaCondition();
        if (others.Find(p => p.Condition == condition) is { } same)
        {
            errors["condition"] = [$"Policy {same.Id} ({same.EnglishName}) is enabled with the same condition; edit or disable it instead."];
            return true;
        }

        return false;
    }
}
