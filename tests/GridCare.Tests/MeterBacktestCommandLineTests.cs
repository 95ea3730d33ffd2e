using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using GridCare.Analytics.MeterData.Analysis;
using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

/// <summary><c>gridcare meter backtest</c> on a store whose analysed transformer days are known.</summary>
public sealed class MeterBacktestCommandLineTests : IDisposable
{
    private static readonly string[] Transformers = ["T1", "T2"];
    private readonly GridCareProcess gridcare = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => gridcare.Dispose();

    [Fact]
    public async Task The_forecast_is_scored_on_every_transformer_beside_the_naive_baselines()
    {
        await gridcare.RunAsync("migrate");
        var (empty, _, emptyError) = await gridcare.RunAsync("meter", "backtest", "--to", "2026-11-28");
        Assert.Equal(1, empty);
        Assert.Contains("nothing to backtest", emptyError, StringComparison.Ordinal);

        // Four weeks of two transformers whose peak is 100 kVA on weekdays and 50 at weekends: the same weekday a week
        // before is always right, yesterday is wrong on every Saturday and Monday.
        var first = new DateOnly(2026, 11, 1);
        var rows = from transformer in Transformers
                   from day in Enumerable.Range(0, 28).Select(first.AddDays)
                   select string.Create(CultureInfo.InvariantCulture, $"(DATE '{day:yyyy-MM-dd}', '{transformer}', '{transformer}', 100, 1, 'urban', 96, 0, {(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 50 : 100)}, 0, 0, 0, 0, 0, 0, 0, 0, 0)");
        await ExecuteAsync(
            "INSERT INTO transformer_days (day, transformer_code, name, rated_kva, org_unit_id, area_type, terminal_slots, meter_slots, peak_kva, "
            + "heavy_minutes, overload_minutes, imbalance_minutes, meters_expected, meters_reporting, voltage_minutes, within_minutes, low_voltage_meters, high_voltage_meters) VALUES "
            + string.Join(", ", rows));

        var (code, output, error) = await gridcare.RunAsync("meter", "backtest", "--to", "2026-11-28", "--days", "28");

        Assert.True(code == 0, output + error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("transformers").GetInt32());
        Assert.Equal(28, json.RootElement.GetProperty("analysedDays").GetInt32());
        var methods = json.RootElement.GetProperty("methods").EnumerateArray().ToDictionary(m => m.GetProperty("method").GetString()!);
        Assert.Equal(["weeklyProfile", "seasonalNaive", "naive"], methods.Keys);

        // Origins: the 14th day (two weeks of history) to the 21st (a full week after it), on each transformer.
        Assert.All(methods.Values, m => Assert.Equal(16, m.GetProperty("origins").GetInt32()));
        Assert.Equal(0, methods["seasonalNaive"].GetProperty("nextDayMape").GetDouble(), 9);

        // Yesterday's peak misses the Monday by 50 % and the Saturday by 100 % among eight next days: 150 / 8.
        Assert.Equal(18.75, methods["naive"].GetProperty("nextDayMape").GetDouble(), 9);

        // Two identical series pool to the figures of one.
        var one = PeakForecaster.Backtest(Enumerable.Range(0, 28).Select(first.AddDays).ToDictionary(d => d, d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 50.0 : 100), ForecastMethod.WeeklyProfile);
        Assert.Equal(one.NextDayMape!.Value, methods["weeklyProfile"].GetProperty("nextDayMape").GetDouble(), 9);
        Assert.Equal(one.NextWeekMape!.Value, methods["weeklyProfile"].GetProperty("nextWeekMape").GetDouble(), 9);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new DuckDBConnection($"Data Source={Path.Combine(gridcare.DataDirectory, "data", "meters.duckdb")}");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Cancel);
    }
}
