using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GridCare.Platform.Database;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers the provider's context type, a factory for <see cref="AppDbContext"/> (Blazor components and
    /// handlers create short-lived contexts from it) and a scoped <see cref="AppDbContext"/> for Identity's stores.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        var connectionString = configuration.GetConnectionString("GridCare");

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContextFactory<SqliteAppDbContext>((sp, db) =>
                    db.UseSqlite(connectionString ?? DefaultSqliteConnectionString(sp)));
                services.AddSingleton<IDbContextFactory<AppDbContext>, UpcastFactory<SqliteAppDbContext>>();
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("GridCare:Database:Provider is Postgres but ConnectionStrings:GridCare is not set.");
                }

                var postgres = WithAutoPrepare(connectionString);
                services.AddDbContextFactory<PostgresAppDbContext>(db => db.UseNpgsql(postgres));
                services.AddSingleton<IDbContextFactory<AppDbContext>, UpcastFactory<PostgresAppDbContext>>();
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {options.Provider}.");
        }

        services.AddScoped<DatabaseMigrator>();
        return services;
    }

    /// <summary>
    /// EF Core sends its statements unprepared, so the server parses and plans the same INSERT again for every row;
    /// with Npgsql's automatic preparation it does so once per connection (intake: less than half the server's CPU
    /// per contact, docs/benchmarks.md). A connection string that names Max Auto Prepare keeps its own value — e.g.
    /// 0 behind a PgBouncer in transaction mode older than 1.21, which cannot keep prepared statements.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        if (Regex.IsMatch(connectionString, @"max\s*auto\s*prepare", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 }.ConnectionString;
    }

    private static string DefaultSqliteConnectionString(IServiceProvider services)
    {
        var gridCare = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GridCareOptions>>().Value;
        Directory.CreateDirectory(gridCare.DataDirectoryFullPath);
        return $"Data Source={gridCare.PathInData("gridcare.db")};Foreign Keys=True";
    }

    private sealed class UpcastFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
        where TContext : AppDbContext
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
