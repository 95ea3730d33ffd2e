using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GridCare.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's binaries, started once for the test run on a free loopback port
/// and removed afterwards. Where the binaries are missing the PostgreSQL tests skip with the reason, unless
/// GRIDCARE_REQUIRE_POSTGRES=1 makes them fail.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? directory;
    private string? binaries;

    public bool IsRunning { get; private set; }

    public string? Unavailable { get; private set; }

    public int Port { get; private set; }

    public static bool Required => Environment.GetEnvironmentVariable("GRIDCARE_REQUIRE_POSTGRES") == "1";

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Include Error Detail=true";

    public async Task CreateDatabaseAsync(string database)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{database}\"";
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask InitializeAsync()
    {
        binaries = FindBinaries();
        if (binaries is null)
        {
            Unavailable = "PostgreSQL server binaries not found under /usr/lib/postgresql or GRIDCARE_POSTGRES_BIN (apt-get install postgresql)";
            return;
        }

        directory = Path.Combine(Path.GetTempPath(), "gridcare-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        Port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // initdb and pg_ctl refuse to run as root; the cluster belongs to the postgres user.
            await RunAsync("chown", $"postgres {directory}");
        }

        var data = Path.Combine(directory, "data");
        await RunAsync(Tool("initdb"), $"-D {data} -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync", asRoot);
        await RunAsync(Tool("pg_ctl"), $"-D {data} -l {Path.Combine(directory, "log")} -w -o \"-p {Port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start", asRoot);
        IsRunning = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (IsRunning && directory is not null)
        {
            await RunAsync(Tool("pg_ctl"), $"-D {Path.Combine(directory, "data")} -m immediate stop", Environment.UserName == "root");
        }

        if (directory is not null && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Skips (or, where PostgreSQL is required, fails) the calling test when no server runs.</summary>
    public void EnsureAvailable()
    {
        if (IsRunning)
        {
            return;
        }

        if (Required)
        {
            Assert.Fail("GRIDCARE_REQUIRE_POSTGRES=1 but " + Unavailable);
        }

        Assert.Skip(Unavailable ?? "PostgreSQL is not running");
    }

    private string Tool(string name) => Path.Combine(binaries!, name);

    /// <summary>GRIDCARE_POSTGRES_BIN points at another installation's bin folder (or, set to a missing folder, forces the skip path).</summary>
    private static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("GRIDCARE_POSTGRES_BIN") is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string arguments, bool asPostgres = false)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
