using System.Globalization;
using DuckDB.NET.Data;
using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

/// <summary><c>gridcare meter import</c> with an event file, told from a readings file by its header.</summary>
public sealed class MeterEventCommandLineTests : IDisposable
{
    private readonly GridCareProcess gridcare = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => gridcare.Dispose();

    [Fact]
    public async Task An_event_file_imports_once_and_a_bad_line_is_named_with_nothing_stored()
    {
        await gridcare.RunAsync("migrate");
        var good = await WriteAsync("events.csv", "meter_no,occurred_at,event\nM1,2026-11-01T08:00:00+08:00,powerOff\nM1,2026-11-01T08:30:00+08:00,coverOpen\n");
        var bad = await WriteAsync("bad-events.csv", "transformer_code,occurred_at,event\nT1,2026-11-01T08:00:00+08:00,voltageLoss\nT1,2026-11-01T08:10:00+08:00,explosion\n");

        var (code, output, _) = await gridcare.RunAsync("meter", "import", good);
        var (again, againOutput, _) = await gridcare.RunAsync("meter", "import", good);
        var (rejected, rejectedOutput, error) = await gridcare.RunAsync("meter", "import", bad);

        Assert.True(code == 0, output);
        Assert.Contains("2 events stored", output, StringComparison.Ordinal);
        Assert.Equal(0, again);
        Assert.Contains("already imported", againOutput, StringComparison.Ordinal);
        Assert.Equal(1, rejected);
        Assert.Contains("bad-events.csv:3: event:", error, StringComparison.Ordinal);
        Assert.Contains("nothing was stored", rejectedOutput, StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM meter_events"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM readings"));
    }

    private async Task<string> WriteAsync(string name, string content)
    {
        var path = Path.Combine(gridcare.DataDirectory, name);
        await File.WriteAllTextAsync(path, content, Cancel);
        return path;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new DuckDBConnection($"Data Source={Path.Combine(gridcare.DataDirectory, "data", "meters.duckdb")}");
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(Cancel), CultureInfo.InvariantCulture);
    }
}
