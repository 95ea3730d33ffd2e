using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Tests;

/// <summary>Every model change must come with a migration for both providers (STYLE.md rule 11).</summary>
public class MigrationTests
{
    [Fact]
    public void SqliteMigrations_CoverTheModel()
    {
        using var db = new SqliteAppDbContextDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteAppDbContext");
    }

    [Fact]
    public void PostgresMigrations_CoverTheModel()
    {
        using var db = new PostgresAppDbContextDesignFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context PostgresAppDbContext");
    }
}
