using GridCare.Analytics.MeterData.Import;
using GridCare.Domain.Staff;
using GridCare.Platform.Auth;
using Microsoft.Extensions.Options;

namespace GridCare.Features.MeterData;

/// <summary>One reading in a JSON batch: a meter's (<c>meterNo</c>) or a transformer terminal's (<c>transformerCode</c>).</summary>
public sealed record MeterReadingRequest(
    string? MeterNo,
    string? TransformerCode,
    DateTimeOffset? IntervalStart,
    int? IntervalMinutes,
    double? Kwh,
    double? VoltageA,
    double? VoltageB,
    double? VoltageC,
    double? CurrentA,
    double? CurrentB,
    double? CurrentC);

public sealed record MeterReadingBatch(IReadOnlyList<MeterReadingRequest>? Readings);

/// <summary>What a batch stored (see <see cref="ReadingImportResult"/>).</summary>
public sealed record MeterReadingsImported(
    int BatchNo,
    bool AlreadyImported,
    long Stored,
    long PhaseRows,
    IReadOnlyDictionary<string, long> Quality,
    long DuplicatesInBatch,
    long AlreadyStored,
    long Conflicts,
    long UnknownDevices,
    long IncompleteDays,
    long MissingIntervals,
    DateOnly? FirstDay,
    DateOnly? LastDay,
    double ElapsedSeconds)
{
    public static MeterReadingsImported From(ReadingImportResult r) => new(
        r.BatchNo, r.AlreadyImported, r.Stored, r.PhaseRows, r.Quality, r.DuplicatesInBatch, r.AlreadyStored, r.Conflicts,
        r.UnknownDevices, r.IncompleteDays, r.MissingIntervals, r.FirstDay, r.LastDay, Math.Round(r.Elapsed.TotalSeconds, 3));
}

public abstract record ImportReadingsResult
{
    public sealed record Imported(MeterReadingsImported Summary) : ImportReadingsResult;

    /// <summary>The request is malformed (JSON shape); keys name the field, e.g. <c>readings[3].kwh</c>.</summary>
    public sealed record Invalid(IDictionary<string, string[]> Errors) : ImportReadingsResult;

    /// <summary>Rows failed validation; nothing was stored.</summary>
    public sealed record Rejected(IReadOnlyList<ReadingImportError> Errors, long Total) : ImportReadingsResult;

    public sealed record Forbidden(string Reason) : ImportReadingsResult;
}

/// <summary>
/// <c>POST /api/v1/meter-readings</c>: readings from collection systems (用电信息采集) as a JSON batch or a long-form
/// <c>text/csv</c> body, validated and stored by the same engine as <c>gridcare meter import</c>. Sent with an
/// administrator's or dispatcher's account, as the grid events are.
/// </summary>
public sealed class ImportReadings(ReadingImporter importer, SyncMeterDirectory directory, IOptions<MeterDataOptions> options)
{
    public static readonly StaffRole[] Senders = [StaffRole.Admin, StaffRole.Dispatcher];

    public async Task<ImportReadingsResult> HandleAsync(MeterReadingBatch batch, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (Refuse(scope) is { } refused)
        {
            return refused;
        }

        var readings = batch.Readings ?? [];
        var errors = new Dictionary<string, string[]>();
        if (readings.Count == 0 || readings.Count > options.Value.MaxApiReadings)
        {
            errors["readings"] = [$"Send 1 to {options.Value.MaxApiReadings} readings; larger deliveries go through files (gridcare meter import)."];
            return new ImportReadingsResult.Invalid(errors);
        }

        var terminals = readings.Any(r => !string.IsNullOrWhiteSpace(r.TransformerCode));
        var rows = new List<ReadingRow>(readings.Count);
        for (var i = 0; i < readings.Count; i++)
        {
            var item = readings[i];
            var field = $"readings[{i}]";
            var device = terminals ? item.TransformerCode : item.MeterNo;
            if (string.IsNullOrWhiteSpace(device) || device.Length > 64 || (terminals && !string.IsNullOrWhiteSpace(item.MeterNo)))
            {
                errors[$"{field}.{(terminals ? "transformerCode" : "meterNo")}"] =
                    ["Each reading names its meter (meterNo) or, in a terminal batch, its transformer (transformerCode) — not both kinds in one batch."];
            }

            if (item.IntervalStart is null)
            {
                errors[$"{field}.intervalStart"] = ["The interval start (ISO 8601 with offset) is required."];
            }

            if (item.Kwh is null)
            {
                errors[$"{field}.kwh"] = ["The interval's energy in kWh is required."];
            }

            if (item.IntervalMinutes is { } minutes && (minutes is < 1 or > 60 || 1440 % minutes != 0))
            {
                errors[$"{field}.intervalMinutes"] = ["5, 15, 30 or 60."];
            }

            if (errors.Count == 0)
            {
                rows.Add(new ReadingRow(
                    i, device!.Trim(), item.IntervalStart!.Value, item.IntervalMinutes ?? 15, item.Kwh,
                    item.VoltageA, item.VoltageB, item.VoltageC, item.CurrentA, item.CurrentB, item.CurrentC));
            }
        }

        if (errors.Count > 0)
        {
            return new ImportReadingsResult.Invalid(errors);
        }

        var target = terminals ? ReadingTarget.Terminals : ReadingTarget.Meters;
        return await ImportAsync(new ReadingImportRequest { Target = target, Rows = rows, Source = $"api:{scope.UserName}" }, cancellationToken);
    }

    /// <summary>A long-form CSV body (the file format of <c>gridcare meter import</c>).</summary>
    public async Task<ImportReadingsResult> HandleCsvAsync(Stream body, ReadingCsvOptions csv, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(csv);
        if (Refuse(scope) is { } refused)
        {
            return refused;
        }

        // DuckDB reads files, so the body is spooled to a temporary file that is deleted whatever happens.
        var path = Path.Combine(Path.GetTempPath(), $"gridcare-readings-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var file = File.Create(path))
            {
                await body.CopyToAsync(file, cancellationToken);
            }

            return await ImportAsync(csv.ToRequest(path) with { Source = $"api:{scope.UserName}" }, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<ImportReadingsResult> ImportAsync(ReadingImportRequest request, CancellationToken cancellationToken)
    {
        // The checks need the directory (capacity, generation on record); copying it is a no-op when the network is unchanged.
        await directory.RunOnceAsync(force: false, cancellationToken);
        try
        {
            return new ImportReadingsResult.Imported(MeterReadingsImported.From(await importer.ImportAsync(request, cancellationToken)));
        }
        catch (ReadingImportException rejected)
        {
            return new ImportReadingsResult.Rejected(rejected.Errors, rejected.TotalErrors);
        }
    }

    private static ImportReadingsResult.Forbidden? Refuse(StaffScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Senders.Any(scope.IsIn)
            ? null
            : new ImportReadingsResult.Forbidden($"Meter readings are sent with the account of a {string.Join(" or ", Senders.Select(StaffRoles.NameOf))}.");
    }
}
