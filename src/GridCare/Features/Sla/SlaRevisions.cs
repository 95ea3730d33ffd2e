using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Sla;

/// <summary>Raises the SLA settings revision and records the change, in the transaction of an edit.</summary>
internal static class SlaRevisions
{
    /// <summary>
    /// Raises the revision and returns the new number; call inside the edit's transaction, before saving the edit.
    /// The update locks the row (PostgreSQL) or the database (SQLite) until the commit, so concurrent edits get
    /// revisions in commit order, and an instance that reads revision N also sees every edit up to N.
    /// </summary>
    public static async Task<int> NextAsync(AppDbContext db, string actor, DateTime atUtc, CancellationToken cancellationToken)
    {
        var stamp = db.Set<SlaSettingsStamp>().Where(s => s.Id == SlaSettingsStamp.SingletonId);
        await stamp.ExecuteUpdateAsync(
            u => u.SetProperty(s => s.Revision, s => s.Revision + 1).SetProperty(s => s.ChangedAt, atUtc).SetProperty(s => s.ChangedBy, actor),
            cancellationToken);
        return await stamp.Select(s => s.Revision).SingleAsync(cancellationToken);
    }

    /// <summary>The current revision, read cheaply by every instance on a short interval.</summary>
    public static Task<int> CurrentAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Set<SlaSettingsStamp>().Where(s => s.Id == SlaSettingsStamp.SingletonId).Select(s => s.Revision).SingleAsync(cancellationToken);
}
