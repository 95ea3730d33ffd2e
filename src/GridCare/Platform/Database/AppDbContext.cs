using GridCare.Domain.Customers;
using GridCare.Domain.Network;
using GridCare.Domain.Organization;
using GridCare.Domain.Outages;
using GridCare.Domain.Reliability;
using GridCare.Domain.WorkOrders;
using GridCare.Features.Attachments;
using GridCare.Features.Classification;
using GridCare.Features.ComplaintRisk;
using GridCare.Features.Customers;
using GridCare.Features.Knowledge;
using GridCare.Features.Network;
using GridCare.Features.Notifications;
using GridCare.Features.Organization;
using GridCare.Features.Outages;
using GridCare.Features.Portal.SignIn;
using GridCare.Features.Reliability;
using GridCare.Features.RepairGuidance;
using GridCare.Features.Revisits;
using GridCare.Features.RoutingRules;
using GridCare.Features.Sla;
using GridCare.Features.Warnings;
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

    public DbSet<InterruptionRecord> InterruptionRecords => Set<InterruptionRecord>();

    public DbSet<ClassificationCorrection> ClassificationCorrections => Set<ClassificationCorrection>();

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

    /// <summary>
    /// Bumps the version of every changed aggregate whose version guards concurrent writers: work orders and outages.
    /// An aggregate whose only change is a new child row (thread entry, history row, timeline line, restoration step)
    /// or a changed child (an outage's customer restored) is still a new version of the aggregate.
    /// </summary>
    private void BumpOrderVersions()
    {
        var entries = ChangeTracker.Entries().ToList();
        var changedChildren = entries
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => e.Entity switch
            {
                WorkOrderEntry or WorkOrderChange => ((Type?)typeof(WorkOrder), e.Property("WorkOrderId").CurrentValue),
                OutageEntry or OutageStep or OutageCustomer => (typeof(Outage), e.Property("OutageId").CurrentValue),
                _ => (null, null),
            })
            .Where(c => c.Item1 is not null)
            .ToHashSet();
        foreach (var entry in entries.Where(e => e.Entity is WorkOrder or Outage))
        {
            var type = entry.Entity.GetType();
            var hasChangedChildren = entry.State == EntityState.Unchanged && changedChildren.Contains((type, entry.Property("Id").CurrentValue));
            if (entry.State is EntityState.Modified || hasChangedChildren)
            {
                var version = entry.Property(entry.Entity is WorkOrder ? WorkOrderConfiguration.WorkOrderVersion : OutageConfiguration.OutageVersion);
                version.CurrentValue = (int)version.OriginalValue! + 1; // marks an unchanged aggregate modified, with its version only
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new StaffUserConfiguration());
        builder.ApplyConfiguration(new OrgUnitConfiguration());
        builder.ApplyConfiguration(new NetworkDeviceConfiguration());
        builder.ApplyConfiguration(new NetworkRevisionConfiguration());
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
        builder.ApplyConfiguration(new OutageConfiguration());
        builder.ApplyConfiguration(new OutageCustomerConfiguration());
        builder.ApplyConfiguration(new OutageStepConfiguration());
        builder.ApplyConfiguration(new OutageEntryConfiguration());
        builder.ApplyConfiguration(new OutageSignalConfiguration());
        builder.ApplyConfiguration(new InterruptionRecordConfiguration());
        builder.ApplyConfiguration(new NotificationMessageConfiguration());
        builder.ApplyConfiguration(new NotificationPreferenceConfiguration());
        builder.ApplyConfiguration(new ClassificationCorrectionConfiguration());
        builder.ApplyConfiguration(new WarningConfiguration());
        builder.ApplyConfiguration(new ProactiveOrderSettingConfiguration());
        builder.ApplyConfiguration(new KnowledgeArticleConfiguration());
        builder.ApplyConfiguration(new KnowledgeArticleVersionConfiguration());
        builder.ApplyConfiguration(new KnowledgeDeflectionConfiguration());
        builder.ApplyConfiguration(new ComplaintRiskScoreConfiguration());
        builder.ApplyConfiguration(new GuidanceSessionConfiguration());
        builder.ApplyConfiguration(new GuidanceStepConfiguration());
        builder.ApplyConfiguration(new GuidanceMessageConfiguration());
        Features.CustomerProfile.CustomerInsightModel.Configure(builder);
        builder.ApplyConfiguration(new Features.Ivr.IvrCallConfiguration());
        Features.Campaigns.CampaignModel.Configure(builder);
    }
}
