namespace GridCare.Platform.Database;

/// <summary>Which relational database holds customers, network, work orders and users.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "GridCare:Database";

    /// <summary><c>Sqlite</c> (default, a file in the data directory) or <c>Postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
