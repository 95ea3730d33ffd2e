using GridCare.Domain.Customers;
using GridCare.Domain.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GridCare.Platform.Database;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Prefix search runs as a range scan on these indexes (see SearchCustomers); binary "C" collation makes
        // the range match code-point order on any server locale, as SQLite's default BINARY collation does.
        builder.Entity<Customer>().Property(c => c.Name).UseCollation("C");
        builder.Entity<Customer>().Property(c => c.AccountNumber).UseCollation("C");
        builder.Entity<Customer>().Property(c => c.Phone).UseCollation("C");
        builder.Entity<NetworkDevice>().Property(d => d.Code).UseCollation("C");
    }
}

/// <summary>Lets <c>dotnet ef migrations add --context PostgresAppDbContext</c> build the model without a server.</summary>
public sealed class PostgresAppDbContextDesignFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=gridcare").Options);
}
