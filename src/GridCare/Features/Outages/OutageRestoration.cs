using GridCare.Domain.Outages;
using GridCare.Platform.Database;

namespace GridCare.Features.Outages;

/// <summary>
/// One restoration step, whoever makes it (a dispatcher, power-back events): the aggregate restores the customers,
/// and in the caller's transaction their interruption records close and they are told supply is back.
/// </summary>
public static class OutageRestoration
{
    public static async Task<RestoreResult> RestoreAsync(
        AppDbContext db, Outage outage, IReadOnlySet<long>? customerIds, long? deviceId, DateTime atUtc, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(outage);
        var step = outage.Restore(customerIds, deviceId, atUtc, actor);
        if (step.Error is null)
        {
            await OutageInterruptions.RestoreAsync(db, outage, step.CustomerIds, atUtc, cancellationToken);
            await OutageNotices.RestoredAsync(db, outage, step.CustomerIds, outage.Steps.Count, atUtc, cancellationToken);
        }

        return step;
    }
}
