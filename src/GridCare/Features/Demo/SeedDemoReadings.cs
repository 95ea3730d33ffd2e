using System.Globalization;
using GridCare.Analytics.MeterData;
using GridCare.Analytics.MeterData.Demo;
using GridCare.Analytics.MeterData.Import;
using GridCare.Features.MeterData;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Demo;

/// <summary>What the demo readings run stored: meter and terminal readings, and the China days they cover.</summary>
public sealed record DemoReadingsSeeded(long MeterReadings, long TerminalReadings, DateOnly? First, DateOnly? Last, TimeSpan Elapsed);

/// <summary>
/// Fills the meter store with <see cref="DemoReadings"/> for the days up to yesterday that it does not hold yet, so a
/// demo started again days later catches up instead of regenerating. Runs through the importer like any batch.
/// </summary>
public sealed class SeedDemoReadings(SyncMeterDirectory directory, ReadingImporter importer, MeterStore store, IOptions<DemoOptions> demo, TimeProvider time)
{
    public const long MaxReadings = 100_000_000;

    public async Task<DemoReadingsSeeded> HandleAsync(int meterDays, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        await directory.RunOnceAsync(force: true, cancellationToken);
        var meters = await ScalarAsync("SELECT count(*) FROM meter_directory", cancellationToken);
        var yesterday = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddHours(8)).AddDays(-1);
        var days = (int)Math.Min(meterDays, meters == 0 ? 0 : MaxReadings / (meters * 96));
        var last = await ScalarAsync("SELECT coalesce(max(day) - DATE '2000-01-01', -1) FROM meter_days", cancellationToken);
        var first = yesterday.AddDays(1 - days);
        if (last >= 0 && new DateOnly(2000, 1, 1).AddDays((int)last) is var stored && stored >= first)
        {
            first = stored.AddDays(1);
        }

        var count = yesterday.DayNumber - first.DayNumber + 1;
        if (days <= 0 || count <= 0)
        {
            return new DemoReadingsSeeded(0, 0, null, null, time.GetElapsedTime(started));
        }

        var seed = demo.Value.Seed;
        var meterBatch = await importer.ImportAsync(
            new ReadingImportRequest { Query = DemoReadings.MeterQuery(seed, first, count), Source = $"demo {first:yyyy-MM-dd}+{count}" }, cancellationToken);
        var terminalBatch = await importer.ImportAsync(
            new ReadingImportRequest
            {
                Target = ReadingTarget.Terminals,
                Query = DemoReadings.TerminalQuery(seed, first, count, meterBatch.BatchNo),
                Source = $"demo terminals {first:yyyy-MM-dd}+{count}",
            },
            cancellationToken);
        return new DemoReadingsSeeded(meterBatch.Stored, terminalBatch.Stored, first, yesterday, time.GetElapsedTime(started));
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
