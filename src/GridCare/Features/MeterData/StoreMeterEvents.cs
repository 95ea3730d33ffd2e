using GridCare.Analytics.MeterData.Events;

namespace GridCare.Features.MeterData;

/// <summary>
/// Puts events received over the API (<c>POST /api/v1/meter-events</c>, already validated against the network by
/// the caller) into the meter store's <c>meter_events</c>, so the store holds every meter and terminal event however
/// it arrived. The store is written before the relational database: a failure there leaves the store with a batch
/// that the sender's retry recognises (stored nothing twice) while the database takes it then.
/// </summary>
public sealed class StoreMeterEvents(MeterEventImporter importer, SyncMeterDirectory directory)
{
    /// <param name="events">Device code, UTC instant and canonical kind (<see cref="MeterEventKinds"/>) of each event, in request order.</param>
    /// <param name="source">The batch record's source (api:user).</param>
    /// <param name="cancellationToken">Request aborted.</param>
    public async Task<MeterEventImportResult> HandleAsync(IReadOnlyList<(string Device, DateTime OccurredAtUtc, string Kind)> events, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);

        // The unknown-device count needs the directory; copying it is a no-op when the network is unchanged.
        await directory.RunOnceAsync(force: false, cancellationToken);
        return await importer.ImportAsync(
            new MeterEventBatch([.. events.Select((e, i) => new MeterEventRow(i, e.Device, e.OccurredAtUtc, e.Kind))], source), cancellationToken);
    }
}
