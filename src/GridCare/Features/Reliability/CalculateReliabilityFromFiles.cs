using GridCare.Analytics.Reliability;

namespace GridCare.Features.Reliability;

/// <summary>What the <c>reliability</c> verb was asked: an analyst's own interruption log and its settings.</summary>
internal sealed record ReliabilityFilesRequest(
    string InterruptionsPath,
    int CustomersServed,
    DateOnly? From,
    DateOnly? To,
    string? SaidiHistoryPath,
    DeviationConvention Deviation,
    TimeSpan UtcOffset,
    TimeSpan MomentaryLimit,
    IReadOnlyList<int> CemiThresholds);

/// <summary>The report, or every reason there is none (each naming the file, line and column, or the option).</summary>
internal sealed record ReliabilityFilesResult(ReliabilityReport? Report, bool HasCauseColumn, IReadOnlyList<string> Errors);

/// <summary>
/// The use case behind <c>gridcare reliability</c>: read and check the files, settle the period, compute the major
/// event threshold from the history when there is one, and run the engine.
/// </summary>
internal static class CalculateReliabilityFromFiles
{
    public static async Task<ReliabilityFilesResult> HandleAsync(ReliabilityFilesRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        if (request.From is { } from && request.To is { } to && to < from)
        {
            errors.Add($"--to {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}");
        }

        if (request.CemiThresholds.Any(n => n < 0))
        {
            errors.Add("--cemi-n: n is a whole number ≥ 0");
        }

        InterruptionRows rows;
        await using (var file = File.OpenRead(request.InterruptionsPath))
        {
            var (read, fileErrors) = await InterruptionsFile.ReadAsync(file, Path.GetFileName(request.InterruptionsPath), cancellationToken);
            rows = read;
            errors.AddRange(fileErrors.Select(e => e.ToString()));
        }

        MajorEventThreshold? threshold = null;
        if (request.SaidiHistoryPath is { } historyPath)
        {
            await using var file = File.OpenRead(historyPath);
            var (days, fileErrors) = await SaidiHistoryFile.ReadAsync(file, Path.GetFileName(historyPath), cancellationToken);
            errors.AddRange(fileErrors.Select(e => e.ToString()));
            if (fileErrors.Count == 0)
            {
                threshold = MajorEventThreshold.FromHistory(days.Select(d => d.SaidiMinutes), request.Deviation);
            }
        }

        if (errors.Count > 0)
        {
            return new ReliabilityFilesResult(null, rows.HasCauseColumn, errors);
        }

        var (period, periodError) = Period(request, rows.Interruptions);
        if (period is null)
        {
            return new ReliabilityFilesResult(null, rows.HasCauseColumn, [periodError!]);
        }

        var customers = rows.Interruptions.Where(i => period.Contains(i.InterruptedAt)).Select(i => i.CustomerId).Distinct(StringComparer.Ordinal).Count();
        if (customers > request.CustomersServed)
        {
            return new ReliabilityFilesResult(null, rows.HasCauseColumn,
                [$"--customers-served {request.CustomersServed} is fewer than the {customers} distinct customers interrupted in {Path.GetFileName(request.InterruptionsPath)} within the period"]);
        }

        var settings = new ReliabilitySettings(request.CustomersServed, period)
        {
            MomentaryLimit = request.MomentaryLimit,
            CemiThresholds = request.CemiThresholds,
        };
        return new ReliabilityFilesResult(ReliabilityCalculator.Calculate(rows.Interruptions, settings, threshold), rows.HasCauseColumn, []);
    }

    // Without --from/--to the period runs from the local day of the first interruption to that of the last one to
    // begin, since an interruption belongs to the day it began.
    private static (ReliabilityPeriod? Period, string? Error) Period(ReliabilityFilesRequest request, IReadOnlyList<CustomerInterruption> interruptions)
    {
        DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(request.UtcOffset).DateTime);
        var from = request.From ?? (interruptions.Count > 0 ? interruptions.Min(i => Day(i.InterruptedAt)) : null);
        var to = request.To ?? (interruptions.Count > 0 ? interruptions.Max(i => Day(i.InterruptedAt)) : null);
        if (from is not { } f || to is not { } t)
        {
            return (null, $"{Path.GetFileName(request.InterruptionsPath)} has no interruptions to take the period from: give --from and --to");
        }

        return t < f
            ? (null, $"the period would end on {t:yyyy-MM-dd}, before it starts on {f:yyyy-MM-dd}: give both --from and --to")
            : (new ReliabilityPeriod(f, t, request.UtcOffset), null);
    }
}
