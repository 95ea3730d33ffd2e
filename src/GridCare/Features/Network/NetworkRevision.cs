using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridCare.Features.Network;

/// <summary>
/// The one row that says which revision of the network (devices and the customers on them) is current. Every import
/// that changes the tree raises it in its own transaction; each instance's <see cref="NetworkTopologyCache"/> reads
/// it on a short interval and rebuilds when it moved. Raising it is cheaper and more reliable than fingerprinting
/// 600,000 rows, and it catches changes in place (a switch's normal state, a transformer moved to another branch)
/// that a count or a highest id would miss.
/// </summary>
public sealed class NetworkRevision
{
    /// <summary>The key of the only row.</summary>
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;

    public long Revision { get; private set; }

    public DateTime? ChangedAt { get; private set; }

    /// <summary>Raises the revision; call inside the transaction of the change, so the new number commits with it.</summary>
    public static Task RaiseAsync(AppDbContext db, DateTime atUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<NetworkRevision>().Where(r => r.Id == SingletonId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Revision, r => r.Revision + 1).SetProperty(r => r.ChangedAt, atUtc), cancellationToken);
    }

    /// <summary>
    /// What a cached topology is compared with: the revision plus the highest device and customer ids (primary-key
    /// look-ups), so rows added by a path that does not raise the revision (the demo seed) are noticed as well.
    /// </summary>
    public static async Task<(long Revision, long MaxDeviceId, long MaxCustomerId)> TokenAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var revision = await db.Set<NetworkRevision>().Where(r => r.Id == SingletonId).Select(r => r.Revision).SingleAsync(cancellationToken);
        var maxDevice = await db.NetworkDevices.MaxAsync(d => (long?)d.Id, cancellationToken) ?? 0;
        var maxCustomer = await db.Customers.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        return (revision, maxDevice, maxCustomer);
    }
}

public sealed class NetworkRevisionConfiguration : IEntityTypeConfiguration<NetworkRevision>
{
    public void Configure(EntityTypeBuilder<NetworkRevision> builder)
    {
        builder.ToTable("NetworkRevision");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();

        // The row exists from the migration on, so a change only ever updates it.
        builder.HasData(new { Id = NetworkRevision.SingletonId, Revision = 0L });
    }
}
