using GridCare.Domain.Customers;
using GridCare.Domain.Network;
using GridCare.Domain.Organization;
using GridCare.Domain.WorkOrders;
using GridCare.Features.Attachments;
using GridCare.Features.Customers;
using GridCare.Features.Network;
using GridCare.Features.Organization;
using GridCare.Features.Portal.SignIn;
using GridCare.Features.Revisits;
using GridCare.Features.RoutingRules;
using GridCare.Features.Sla;
using GridCare.Features.WorkOrders;
using GridCare.Platform.Auth;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Platform.Database;

/// <summary>
/// The relational model shared by both providers. Each provider has its own subclass so that it has its own
/// migration set (STYLE.md rule 11); handlers depend on this base type only.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    public DbSet<NetworkDevice> NetworkDevices => Set<NetworkDevice>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<WorkOrder> WorkOrders => Set<WorkOrder>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<WorkOrderCounter> WorkOrderCounters => Set<WorkOrderCounter>();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<WorkOrder>().Where(e => e.State is EntityState.Modified || HasNewChildren(e)))
        {
            var version = entry.Property<int>(WorkOrderConfiguration.WorkOrderVersion);
            version.CurrentValue = version.OriginalValue + 1;
            if (entry.State == EntityState.Unchanged)
            {
                entry.State = EntityState.Modified;
            }
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    // An order whose only change is a new thread entry or history row is still a new version of the order.
    private bool HasNewChildren(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<WorkOrder> order) =>
        order.State == EntityState.Unchanged
        && ChangeTracker.Entries().Any(e => e.State == EntityState.Added && (e.Entity is WorkOrderEntry or WorkOrderChange)
            && Equals(e.Property("WorkOrderId").CurrentValue, order.Entity.Id));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new StaffUserConfiguration());
        builder.ApplyConfiguration(new OrgUnitConfiguration());
        builder.ApplyConfiguration(new NetworkDeviceConfiguration());
        builder.ApplyConfiguration(new CustomerConfiguration());
        builder.ApplyConfiguration(new WorkOrderConfiguration());
        builder.ApplyConfiguration(new WorkOrderEntryConfiguration());
        builder.ApplyConfiguration(new WorkOrderChangeConfiguration());
        builder.ApplyConfiguration(new AttachmentConfiguration());
        builder.ApplyConfiguration(new ContactConfiguration());
        builder.ApplyConfiguration(new WorkOrderCounterConfiguration());
        builder.ApplyConfiguration(new CalendarDayConfiguration());
        builder.ApplyConfiguration(new PortalSignInCodeConfiguration());
        builder.ApplyConfiguration(new StoredSlaPolicyConfiguration());
        builder.ApplyConfiguration(new SlaSettingsStampConfiguration());
        builder.ApplyConfiguration(new SlaChangeConfiguration());
        builder.ApplyConfiguration(new RoutingRuleConfiguration());
        builder.ApplyConfiguration(new RoutingRuleChangeConfiguration());
        builder.ApplyConfiguration(new RevisitTaskConfiguration());
        builder.ApplyConfiguration(new RevisitInvitationRecordConfiguration());
    }
}
