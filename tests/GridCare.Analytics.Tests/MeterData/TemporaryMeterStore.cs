using GridCare.Analytics.MeterData;

namespace GridCare.Analytics.Tests.MeterData;

/// <summary>A meter store in its own temporary folder, created with the schema and deleted with the test.</summary>
internal sealed class TemporaryMeterStore : IAsyncDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "gridcare-meters-" + Guid.NewGuid().ToString("N"));

    private TemporaryMeterStore()
    {
        Store = new MeterStore(Path.Combine(folder, "meters.duckdb"));
    }

    public MeterStore Store { get; }

    public string Folder => folder;

    public static async Task<TemporaryMeterStore> CreateAsync()
    {
        var store = new TemporaryMeterStore();
        await store.Store.InitializeAsync(TimeProvider.System, TestContext.Current.CancellationToken);
        return store;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Store.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Writes a file into the store's folder (lines as given, newline-terminated) and returns its path.</summary>
    public string File(string name, string content)
    {
        var path = Path.Combine(folder, name);
        System.IO.File.WriteAllText(path, content.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    public ValueTask DisposeAsync()
    {
        Store.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
