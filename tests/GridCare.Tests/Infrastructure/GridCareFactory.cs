using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GridCare.Features.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GridCare.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP on its own database and data directory, seeded with the small demo area. One subclass
/// per provider, so the same test classes run on SQLite and on PostgreSQL.
/// </summary>
public abstract class GridCareFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> tokens = new(StringComparer.Ordinal);

    protected GridCareFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "gridcare-test-" + Guid.NewGuid().ToString("N")[..12]);
    }

    public string DataDirectory { get; }

    public abstract string Provider { get; }

    /// <summary>Skips the calling test where this provider's server is missing.</summary>
    public virtual void EnsureAvailable()
    {
    }

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public new virtual async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Drops the cached sign-ins: a test that moves the fake clock past their lifetime calls it for the next test.</summary>
    public void ForgetTokens() => tokens.Clear();

    /// <summary>An API client signed in as one of the demo accounts with a bearer token.</summary>
    public async Task<HttpClient> ClientForAsync(string userName)
    {
        EnsureAvailable();
        var client = CreateClient();
        if (!tokens.TryGetValue(userName, out var token))
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password = DemoAccounts.Password });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
            tokens[userName] = token;
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient AnonymousClient()
    {
        EnsureAvailable();
        return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    /// <summary>
    /// Another app instance on this factory's database (its own data directory and host), as a second server behind
    /// a load balancer; the caller disposes it.
    /// </summary>
    public GridCareFactory SecondInstance() => new SharedDatabaseFactory(this);

    protected abstract IEnumerable<KeyValuePair<string, string>> DatabaseSettings();

    /// <summary>The settings that reach this factory's database from another host.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> SharedDatabaseSettings() => DatabaseSettings();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("GridCare:DataDirectory", DataDirectory);
        builder.UseSetting("GridCare:Demo:Enabled", "true");
        builder.UseSetting("GridCare:Demo:Size", nameof(DemoSize.Small));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // Every test client shares one address; the portal's per-address limit has its own test (PortalRateLimitTests).
        builder.UseSetting("GridCare:Portal:PostsPerWindow", "10000");

        // Tests run the SLA scan themselves, at the instants they choose.
        builder.UseSetting("GridCare:Sla:ScannerEnabled", "false");
        builder.UseSetting("GridCare:Outages:BackgroundEnabled", "false");
        builder.UseSetting("GridCare:MeterAnalytics:BackgroundEnabled", "false");
        builder.UseSetting("GridCare:MeterData:BackgroundEnabled", "false");
        builder.UseSetting("GridCare:Demo:MeterDays", "0");

        // Tests count the orders they make; the demo's year of generated orders is on only where a test asks for it.
        builder.UseSetting("GridCare:Demo:WorkOrderHistory", "false");
        builder.UseSetting("GridCare:ComplaintRisk:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");

        // Training the default model from the whole corpus would cost every test host seconds of CPU; the
        // classifier's tests train on the small hand-written sample themselves (ClassifierSample).
        builder.UseSetting("GridCare:Classifier:TrainOnStart", "false");
        foreach (var (key, value) in DatabaseSettings())
        {
            builder.UseSetting(key, value);
        }
    }

    private sealed record TokenBody(string AccessToken, long ExpiresIn);

    private sealed class SharedDatabaseFactory(GridCareFactory first) : GridCareFactory
    {
        public override string Provider => first.Provider;

        public override void EnsureAvailable() => first.EnsureAvailable();

        protected override IEnumerable<KeyValuePair<string, string>> DatabaseSettings() => first.SharedDatabaseSettings();
    }
}

public class SqliteFactory : GridCareFactory
{
    public override string Provider => "Sqlite";

    protected override IEnumerable<KeyValuePair<string, string>> DatabaseSettings() =>
        [new("GridCare:Database:Provider", "Sqlite")];

    protected override IEnumerable<KeyValuePair<string, string>> SharedDatabaseSettings() =>
    [
        new("GridCare:Database:Provider", "Sqlite"),
        new("ConnectionStrings:GridCare", $"Data Source={Path.Combine(DataDirectory, "gridcare.db")};Foreign Keys=True"),
    ];
}

public class PostgresFactory(PostgresServer server) : GridCareFactory
{
    private readonly string database = "gridcare_" + Guid.NewGuid().ToString("N")[..12];

    public override string Provider => "Postgres";

    public override void EnsureAvailable() => server.EnsureAvailable();

    /// <summary>Each factory gets its own database in the shared cluster, created here so start-up only migrates it.</summary>
    public override async ValueTask InitializeAsync()
    {
        if (server.IsRunning)
        {
            await server.CreateDatabaseAsync(database);
        }
    }

    protected override IEnumerable<KeyValuePair<string, string>> DatabaseSettings() =>
    [
        new("GridCare:Database:Provider", "Postgres"),
        new("ConnectionStrings:GridCare", server.ConnectionString(database)),
    ];
}
