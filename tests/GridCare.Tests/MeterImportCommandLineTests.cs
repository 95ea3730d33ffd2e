using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

/// <summary><c>gridcare meter import</c> as a user runs it, including a process killed in the middle of a batch.</summary>
public sealed class MeterImportCommandLineTests : IDisposable
{
    private readonly GridCareProcess gridcare = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => gridcare.Dispose();

    [Fact]
    public async Task A_file_imports_once_and_a_bad_line_is_named_with_nothing_stored()
    {
        await gridcare.RunAsync("migrate");
        var good = await WriteAsync("good.csv", "meter_no,interval_start,kwh\nM1,2026-11-01T00:00:00+08:00,0.5\nM1,2026-11-01T00:15:00+08:00,0.6\n");
        var bad = await WriteAsync("bad.csv", "meter_no,interval_start,kwh\nM2,2026-11-01T00:00:00+08:00,0.5\nM2,2026-11-01T00:15:00+08:00,lots\n");

        var (code, output, _) = await gridcare.RunAsync("meter", "import", good);
        var (again, againOutput, _) = await gridcare.RunAsync("meter", "import", good);
        var (rejected, rejectedOutput, error) = await gridcare.RunAsync("meter", "import", bad);

        Assert.Equal(0, code);
        Assert.Contains("2 readings stored", output, StringComparison.Ordinal);
        Assert.Equal(0, again);
        Assert.Contains("already imported", againOutput, StringComparison.Ordinal);
        Assert.Equal(1, rejected);
        Assert.Contains("bad.csv:3: kwh:", error, StringComparison.Ordinal);
        Assert.Contains("nothing was stored", rejectedOutput, StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM readings"));
    }

    [Fact]
    public async Task A_process_killed_mid_import_leaves_nothing_and_the_retry_stores_everything_once()
    {
        await gridcare.RunAsync("migrate");
        const int meters = 20_000;
        const int slots = 96 * 2;
        var path = Path.Combine(gridcare.DataDirectory, "big.csv");
        await using (var writer = new StreamWriter(path))
        {
            await writer.WriteLineAsync("meter_no,interval_start,kwh");
            var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));
            for (var m = 0; m < meters; m++)
            {
                for (var s = 0; s < slots; s++)
                {
                    await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"K{m:D7},{start.AddMinutes(15 * s):yyyy-MM-ddTHH:mm:sszzz},{(m + s) % 97 / 100.0}"));
                }
            }
        }

        using (var process = Process.Start(gridcare.StartInfo(["meter", "import", path]))!)
        {
            // Killed once the batch is under way (after the hash and the directory copy): DuckDB holds it uncommitted.
            while (await process.StandardOutput.ReadLineAsync(Cancel) is { } line && !line.Contains("importing", StringComparison.Ordinal))
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(400), Cancel);
            Assert.False(process.HasExited, "the import finished before it could be killed; make the file larger");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Cancel);
        }

        Assert.Equal(0, await CountAsync("SELECT count(*) FROM readings"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM import_batches"));

        var (code, output, error) = await gridcare.RunAsync("meter", "import", path);

        Assert.True(code == 0, output + error);
        Assert.Equal(meters * slots, await CountAsync("SELECT count(*) FROM readings"));
        Assert.Equal(meters * slots, await CountAsync("SELECT count(DISTINCT (meter_no, interval_start)) FROM readings"));
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
