using System.CommandLine;
using GridCare.Analytics.MeterData;
using GridCare.Analytics.MeterData.Events;
using GridCare.Analytics.MeterData.Import;
using GridCare.Features.MeterData;

namespace GridCare.Cli;

/// <summary>
/// <c>gridcare meter import &lt;path&gt;</c>: a readings file (long or wide CSV, or Parquet) or an event file (a CSV
/// whose header has an <c>event</c> column) into the meter store, all or nothing, validated as the API does. Prints
/// what was stored, or every rejected line, and exits 0 or 1.
/// </summary>
internal static class MeterCommand
{
    public static Command Create(IServiceProvider services)
    {
        var path = new Argument<FileInfo>("path") { Description = "the readings file: .csv (long or wide form) or .parquet" };
        var terminals = new Option<bool>("--terminals") { Description = "transformer-terminal (TTU) readings keyed by transformer_code" };
        var format = new Option<string?>("--format") { Description = "long, wide, parquet or events (default: from the extension and the header)" };
        var interval = new Option<int>("--interval-minutes") { Description = "interval length of long-form readings", DefaultValueFactory = _ => 15 };
        var offset = new Option<string?>("--utc-offset") { Description = "offset of times written without one, e.g. +08:00 (wide files default to +08:00)" };
        var meter = new Option<string?>("--meter") { Description = "the meter of a single-meter file without a meter column" };
        var columns = new Option<string?>("--columns") { Description = "the file's own column names, e.g. meter_no=customer_id,interval_start=reading_datetime,kwh=general_supply_kwh" };
        var import = new Command("import", "Import interval readings into the meter store (all or nothing; a file imported twice stores nothing twice).")
        {
            path, terminals, format, interval, offset, meter, columns,
        };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetRequiredValue(path);
            if (!file.Exists)
            {
                Console.Error.WriteLine($"{file.FullName}: no such file");
                return 2;
            }

            var utcOffset = ReadingCsvOptions.ParseOffset(parse.GetValue(offset));
            if (parse.GetValue(offset) is not null && utcOffset is null)
            {
                Console.Error.WriteLine("--utc-offset: give an offset such as +08:00 or Z.");
                return 2;
            }

            var formatName = parse.GetValue(format)?.ToLowerInvariant();
            if (formatName == "events" || (formatName is null && MeterEventFile.IsEventFile(file.FullName)))
            {
                return await MeterEventCommand.ImportAsync(services, file, utcOffset, cancellationToken);
            }

            ReadingFormat? readingFormat = formatName switch
            {
                null => null,
                "long" => ReadingFormat.LongForm,
                "wide" => ReadingFormat.WideForm,
                "parquet" => ReadingFormat.Parquet,
                var other => throw new ArgumentException($"--format: '{other}' is not long, wide, parquet or events."),
            };
            var request = new ReadingCsvOptions(parse.GetValue(terminals), readingFormat, parse.GetValue(interval), utcOffset, parse.GetValue(meter), parse.GetValue(columns))
                .ToRequest(file.FullName);
            await services.GetRequiredService<MeterStore>().InitializeAsync(TimeProvider.System, cancellationToken);
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<SyncMeterDirectory>().RunOnceAsync(force: true, cancellationToken);
            }

            Console.WriteLine($"{file.Name}: importing…");
            try
            {
                var result = await services.GetRequiredService<ReadingImporter>().ImportAsync(request, cancellationToken);
                Print(file.Name, result);
                return 0;
            }
            catch (ReadingImportException rejected)
            {
                foreach (var error in rejected.Errors)
                {
                    Console.Error.WriteLine(error.Line is { } line ? $"{file.Name}:{line}: {error.Field}: {error.Reason}" : $"{file.Name}: {error.Field}: {error.Reason}");
                }

                Console.WriteLine($"{file.Name}: rejected ({rejected.TotalErrors} bad rows{(rejected.TotalErrors > rejected.Errors.Count ? $", first {rejected.Errors.Count} listed" : string.Empty)}); nothing was stored.");
                return 1;
            }
        });
        return new Command("meter", "Meter data tools.") { import, MeterBacktestCommand.Create(services) };
    }

    private static void Print(string name, ReadingImportResult result)
    {
        if (result.AlreadyImported)
        {
            Console.WriteLine($"{name}: already imported as batch {result.BatchNo} ({result.Stored:N0} readings); nothing stored again.");
            return;
        }

        var rate = result.Elapsed.TotalSeconds > 0 ? (result.Stored / result.Elapsed.TotalSeconds).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "-";
        Console.WriteLine($"{name}: batch {result.BatchNo}: {result.Stored:N0} readings stored in {result.Elapsed.TotalSeconds:F2} s ({rate}/s), days {result.FirstDay:yyyy-MM-dd} – {result.LastDay:yyyy-MM-dd}.");
        Console.WriteLine($"Quality: {string.Join(", ", result.Quality.Select(q => $"{q.Key} {q.Value:N0}"))}.");
        Console.WriteLine($"Duplicates in the file {result.DuplicatesInBatch:N0}; already stored {result.AlreadyStored:N0} (of which {result.Conflicts:N0} with another value, kept as first stored).");
        Console.WriteLine($"Unknown devices {result.UnknownDevices:N0}; incomplete device-days {result.IncompleteDays:N0} ({result.MissingIntervals:N0} intervals missing); per-phase rows {result.PhaseRows:N0}.");
    }
}
