using GridCare.Domain.Sla;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Sla;

/// <summary>
/// Stores the shipped default policies (<see cref="SlaDefaults"/>, DOMAIN.md §4) as rows, once per database, so
/// administrators edit and disable them like their own. Runs after migrating and when the settings first load;
/// the first caller claims the seed on the settings row, so several instances starting at once seed it once, and
/// a database whose defaults were edited or disabled is never seeded again.
/// </summary>
public static class SeedSlaDefaults
{
    public const string Actor = "system";

    public static async Task<bool> EnsureAsync(AppDbContext db, DateTime atUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = db.Set<SlaSettingsStamp>().Where(s => s.Id == SlaSettingsStamp.SingletonId);
        if (await stamp.AnyAsync(s => s.DefaultsSeededAt != null, cancellationToken))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await stamp.Where(s => s.DefaultsSeededAt == null).ExecuteUpdateAsync(
            u => u.SetProperty(s => s.DefaultsSeededAt, atUtc)
                .SetProperty(s => s.Revision, s => s.Revision + 1)
                .SetProperty(s => s.ChangedAt, atUtc)
                .SetProperty(s => s.ChangedBy, Actor),
            cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        var revision = await stamp.Select(s => s.Revision).SingleAsync(cancellationToken);
        var policies = SlaDefaults.Policies().Select(p => StoredSlaPolicy.Create(p, enabled: true, Actor, atUtc)).ToList();
        db.AddRange(policies);
        await db.SaveChangesAsync(cancellationToken);
        db.AddRange(policies.Select(p => SlaChange.Of(
            atUtc, Actor, revision, SlaChangeSubject.Policy, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            SlaChangeAction.Created, before: null, SlaPolicyResponse.Of(p).ToAuditJson())));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
