using GridCare.Domain.Customers;
using GridCare.Domain.Network;
using GridCare.Domain.Organization;
using GridCare.Domain.WorkOrders;
using GridCare.Features.Attachments;
using GridCare.Features.Customers;
using GridCare.Features.Network;
using GridCare.Features.Notifications;
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

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once, here: an intake batch tracks hundreds of orders and their new rows, and every
        // Entries() call and the base save would each detect them again.
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            BumpOrderVersions();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private void BumpOrderVersions()
    {
        var entries = ChangeTracker.Entries().ToList();
        var ordersWithNewChildren = entries
            .Where(e => e.State == EntityState.Added && e.Entity is WorkOrderEntry or WorkOrderChange)
            .Select(e => e.Property("WorkOrderId").CurrentValue)
            .ToHashSet();
        foreach (var entry in entries.Where(e => e.Entity is WorkOrder))
        {
            // An order whose only change is a new thread entry or history row is still a new version of the order.
            var hasNewChildren = entry.State == EntityState.Unchanged && ordersWithNewChildren.Contains(entry.Property(nameof(WorkOrder.Id)).CurrentValue);
            if (entry.State is EntityState.Modified || hasNewChildren)
            {
                var version = entry.Property(WorkOrderConfiguration.WorkOrderVersion);
                version.CurrentValue = (int)version.OriginalValue! + 1; // marks an unchanged order modified, with its version only
            }
        }
    }

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
        builder.ApplyConfiguration(new NotificationMessageConfiguration());
        builder.ApplyConfiguration(new NotificationPreferenceConfiguration());
    }
}
