using System.Diagnostics;
using System.Globalization;
using GridCare.Domain.Sla;

namespace GridCare.Analytics.MeterData.Analysis;

/// <summary>What one day's analysis wrote, and how long each step took (the benchmark prints them).</summary>
public sealed record DailyAnalysisResult(DateOnly Day, long MeterDays, long TransformerDays, long Episodes, long Anomalies, TimeSpan Elapsed, IReadOnlyList<(string Step, TimeSpan Elapsed)> Steps);

/// <summary>
/// Rebuilds the derived tables of one China day from its readings (DailyAnalysis.sql): transformer load and
/// episodes, voltage compliance, line loss, customer consumption and anomalies. The whole day is replaced in one
/// transaction, so running it again gives the same rows and a reader never sees half a day; the day leaves
/// <c>analysis_queue</c> in the same transaction unless an import queued it again meanwhile.
/// </summary>
public sealed class DailyAnalysis(MeterStore store, MeterAnalysisSettings settings)
{
    private const int DayMinutes = 24 * 60;
    private static readonly SqlScript Script = SqlScript.Embedded("DailyAnalysis.sql");

    public MeterAnalysisSettings Settings => settings;

    /// <summary>The earliest day waiting in the queue, or null; days are analysed oldest first so baselines exist.</summary>
    public async Task<DateOnly?> NextQueuedDayAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT min(day) FROM analysis_queue";
        return await command.ExecuteScalarAsync(cancellationToken) is DateOnly day ? day : null;
    }

    public async Task<DailyAnalysisResult> AnalyseDayAsync(DateOnly chinaDay, CancellationToken cancellationToken = default)
    {
        var total = Stopwatch.StartNew();
        var from = ChinaTime.FromCst(chinaDay, TimeOnly.MinValue);

        // Imports write analysis_queue in their transactions; taking the store's writer turn avoids a DuckDB write
        // conflict on the day's queue row (the import then simply waits the few seconds of the analysis).
        using var turn = await store.AcquireWriterAsync(cancellationToken);
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        DateTime queuedAt;
        await using (var queued = connection.CreateCommand())
        {
            queued.CommandText = "SELECT queued_at FROM analysis_queue WHERE day = $day";
            queued.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("day", chinaDay));
            queuedAt = await queued.ExecuteScalarAsync(cancellationToken) is DateTime at ? at : DateTime.MinValue;
        }

        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["day"] = chinaDay,
            ["from"] = from,
            ["to"] = from.AddDays(1),
            ["queued_at"] = DateTime.SpecifyKind(queuedAt, DateTimeKind.Unspecified),
            ["day_minutes"] = (double)DayMinutes,
            ["pf"] = settings.PowerFactor,
            ["heavy"] = settings.HeavyLoadRate,
            ["overload"] = settings.OverloadRate,
            ["imbalance"] = settings.ImbalanceRate,
            ["single_low"] = settings.SinglePhaseLow,
            ["single_high"] = settings.SinglePhaseHigh,
            ["three_low"] = settings.ThreePhaseLow,
            ["three_high"] = settings.ThreePhaseHigh,
            ["low_max"] = Math.Max(settings.SinglePhaseLow, settings.ThreePhaseLow),
            ["high_min"] = Math.Min(settings.SinglePhaseHigh, settings.ThreePhaseHigh),
            ["slots"] = DayMinutes / 15,
            ["loss_v"] = settings.SupplyLossVoltage,
            ["pocket_minutes"] = settings.PocketMinutes,
            ["pocket_share"] = settings.PocketMeterShare,
            ["loss_threshold"] = settings.LineLossThreshold,
            ["min_coverage"] = settings.MinimumCoverage,
            ["zero_minutes"] = settings.ZeroRunMinutes,
            ["drop_share"] = settings.SuddenDropShare,
            ["baseline_days"] = settings.BaselineDays,
            ["baseline_min_days"] = settings.BaselineMinimumDays,
            ["min_baseline_kwh"] = settings.MinimumBaselineKwh,
            ["reverse_kwh"] = settings.ReverseFlowKwh,
        };

        var steps = new List<(string, TimeSpan)>();
        foreach (var step in Script.StepNames)
        {
            var watch = Stopwatch.StartNew();
            await Script.RunAsync(connection, step, parameters, cancellationToken);
            steps.Add((step, watch.Elapsed));
        }

        var commit = Stopwatch.StartNew();
        await transaction.CommitAsync(cancellationToken);
        steps.Add(("commit", commit.Elapsed));
        var elapsed = total.Elapsed;
        return new DailyAnalysisResult(
            chinaDay,
            await CountAsync(connection, "meter_analysis_days", chinaDay, cancellationToken),
            await CountAsync(connection, "transformer_days", chinaDay, cancellationToken),
            await CountAsync(connection, "load_episodes", chinaDay, cancellationToken),
            await CountAsync(connection, "meter_anomalies", chinaDay, cancellationToken),
            elapsed,
            steps);
    }

    private static async Task<long> CountAsync(DuckDB.NET.Data.DuckDBConnection connection, string table, DateOnly day, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = table switch
        {
            "meter_analysis_days" => "SELECT count(*) FROM meter_analysis_days WHERE day = $day",
            "transformer_days" => "SELECT count(*) FROM transformer_days WHERE day = $day",
            "load_episodes" => "SELECT count(*) FROM load_episodes WHERE day = $day",
            _ => "SELECT count(*) FROM meter_anomalies WHERE day = $day",
        };
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("day", day));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
