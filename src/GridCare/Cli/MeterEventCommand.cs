using GridCare.Analytics.MeterData;
using GridCare.Analytics.MeterData.Events;
using GridCare.Analytics.MeterData.Import;
using GridCare.Features.MeterData;

namespace GridCare.Cli;

/// <summary>
/// The event form of <c>gridcare meter import</c>: <c>meter_no,occurred_at,event</c> (or <c>device</c> /
/// <c>transformer_code</c>) into the store's <c>meter_events</c>, all or nothing; a file imported twice stores nothing twice.
/// </summary>
internal static class MeterEventCommand
{
    public static async Task<int> ImportAsync(IServiceProvider services, FileInfo file, TimeSpan? utcOffset, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<MeterStore>().InitializeAsync(TimeProvider.System, cancellationToken);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SyncMeterDirectory>().RunOnceAsync(force: true, cancellationToken);
        }

        Console.WriteLine($"{file.Name}: importing events…");
        try
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var batch = MeterEventFile.Read(file.FullName, utcOffset, now);
            var result = await services.GetRequiredService<MeterEventImporter>().ImportAsync(batch, cancellationToken);
            if (result.AlreadyImported)
            {
                Console.WriteLine($"{file.Name}: already imported as batch {result.BatchNo} ({result.Stored:N0} events); nothing stored again.");
                return 0;
            }

            Console.WriteLine($"{file.Name}: batch {result.BatchNo}: {result.Stored:N0} events stored ({string.Join(", ", result.Kinds.Select(k => $"{k.Key} {k.Value:N0}"))}).");
            Console.WriteLine($"Duplicates in the file {result.DuplicatesInBatch:N0}; already stored {result.AlreadyStored:N0}; unknown devices {result.UnknownDevices:N0}.");
            return 0;
        }
        catch (ReadingImportException rejected)
        {
            foreach (var error in rejected.Errors)
            {
                Console.Error.WriteLine(error.Line is { } line ? $"{file.Name}:{line}: {error.Field}: {error.Reason}" : $"{file.Name}: {error.Field}: {error.Reason}");
            }

            Console.WriteLine($"{file.Name}: rejected ({rejected.TotalErrors} bad rows); nothing was stored.");
            return 1;
        }
    }
}
