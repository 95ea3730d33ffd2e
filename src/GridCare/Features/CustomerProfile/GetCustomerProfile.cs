using System.Globalization;
using GridCare.Analytics.MeterData.Analysis;
using GridCare.Analytics.Segmentation;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;
using GridCare.Features.ComplaintRisk;
using GridCare.Features.Customers;
using GridCare.Features.Notifications;
using GridCare.Features.Segmentation;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GridCare.Features.CustomerProfile;

/// <summary>
/// The 360° view of one account: the account and its supply path, consumption and load shape from the meter store,
/// this year's interruptions, work orders with their outcomes and revisits, notification settings and use, and the
/// saved segment, and the latest complaint-risk score with its reasons (for the roles that read scores). A customer outside the caller's units is not found, as on the customer page.
/// </summary>
public sealed class GetCustomerProfile(
    IDbContextFactory<AppDbContext> dbFactory, GetCustomer customers, ConsumptionReader consumption, CustomerLoadShapes loadShapes, TimeProvider time,
    IStringLocalizer<SegmentationStrings> shapes, ListComplaintRisk risks)
{
    private const int ListedOrders = 20;
    private const int MomentarySeconds = 300;

    public async Task<CustomerProfileResponse?> HandleAsync(long id, StaffScope scope, CancellationToken cancellationToken)
    {
        if (await customers.HandleAsync(id, scope, cancellationToken) is not { } customer)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var today = ChinaTime.DateOf(now);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var orders = db.WorkOrders.AsNoTracking().Where(o => o.CustomerId == id);
        var listed = await orders.OrderByDescending(o => o.ReceivedAt).Take(ListedOrders)
            .Select(o => new ProfileOrder(o.Id, o.Number, o.Type, o.ComplaintClass, o.Channel, o.Status, o.ReceivedAt, o.ClosedAt, o.ResolutionCode, o.RevisitResult, o.RevisitComment))
            .ToListAsync(cancellationToken);
        var byChannel = await orders.GroupBy(o => o.Channel).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var revisits = await orders.Where(o => o.RevisitResult != null).GroupBy(o => o.RevisitResult).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        var segment = await db.Set<CustomerSegment>().AsNoTracking().FirstOrDefaultAsync(s => s.CustomerId == id, cancellationToken);
        return new CustomerProfileResponse(
            customer,
            await ConsumptionAsync(id, today, cancellationToken),
            await InterruptionsAsync(db, id, today, now, cancellationToken),
            listed,
            byChannel.Sum(c => c.Count),
            await orders.CountAsync(o => o.Type == WorkOrderType.Complaint, cancellationToken),
            [.. byChannel.OrderByDescending(c => c.Count).Select(c => new ChannelCount(ApiEnums.Name(c.Key), c.Count))],
            [.. revisits.OrderBy(r => r.Key).Select(r => new ChannelCount(ApiEnums.Name(r.Key!.Value), r.Count))],
            await NotificationsAsync(db, id, cancellationToken),
            segment is null ? null : new ProfileSegment(
                segment.Cluster, ApiEnums.Name(segment.Shape), shapes["Shape_" + segment.Shape], segment.ClusterSize, segment.K, segment.Silhouette, segment.From, segment.To, segment.SavedAt),
            ComplaintRisk: ListComplaintRisk.MayRead(scope) ? (await risks.ForCustomerAsync(scope, id, cancellationToken)).Item : null);
    }

    /// <summary>
    /// From the daily analyses and the stored load shapes only: reading a customer's raw readings would compare the
    /// meter number of every stored reading, several times the profile's time budget at city size.
    /// </summary>
    private async Task<ProfileConsumption> ConsumptionAsync(long id, DateOnly today, CancellationToken cancellationToken)
    {
        // The meter store may lag (or, in a demo, lead) the calendar: the windows end at the last day analysed.
        var last = await consumption.LastDayAsync(cancellationToken) is { } day && day < today ? day : today;
        var year = (await consumption.DaysAsync(id, last.AddDays(-364), last, cancellationToken))
            .GroupBy(d => d.Day)
            .Select(g => (Day: g.Key, Kwh: g.Sum(d => d.ImportKwh), PeakKw: g.Any(d => d.PeakKw is not null) ? g.Sum(d => d.PeakKw) : null))
            .ToList();
        var shape = await loadShapes.ReadAsync(id, cancellationToken);
        return new ProfileConsumption(
            year.Count == 0 ? null : year[^1].Day,
            [.. year.GroupBy(d => d.Day.ToString("yyyy-MM", CultureInfo.InvariantCulture)).Select(g => new ProfileMonth(g.Key, g.Count(), Math.Round(g.Sum(d => d.Kwh), 3), g.Max(d => d.PeakKw)))],
            [.. year.Where(d => d.Day > last.AddDays(-30)).Select(d => new ProfileDay(d.Day, Math.Round(d.Kwh, 3), d.PeakKw))],
            shape?.Kwh,
            shape?.From,
            shape?.To);
    }

    private static async Task<ProfileInterruptions> InterruptionsAsync(AppDbContext db, long id, DateOnly today, DateTime now, CancellationToken cancellationToken)
    {
        var yearStart = new DateOnly(today.Year, 1, 1);
        var rows = await db.InterruptionRecords.AsNoTracking()
            .Where(r => r.CustomerId == id && r.InterruptedOn >= yearStart)
            .Select(r => new { r.InterruptedAt, r.DurationSeconds, r.Planned })
            .ToListAsync(cancellationToken);
        // A customer still out counts with the minutes so far.
        var seconds = rows.Select(r => (r.InterruptedAt, r.Planned, Seconds: r.DurationSeconds ?? (now - r.InterruptedAt).TotalSeconds)).ToList();
        var sustained = seconds.Where(r => r.Seconds > MomentarySeconds).ToList();
        var minutes = Math.Round(sustained.Sum(r => r.Seconds) / 60, 1);
        return new ProfileInterruptions(
            today.Year, sustained.Count, minutes, sustained.Count == 0 ? null : Math.Round(minutes / sustained.Count, 1), seconds.Count - sustained.Count,
            sustained.Count(r => r.Planned), rows.Count == 0 ? null : rows.Max(r => r.InterruptedAt));
    }

    private static async Task<ProfileNotifications> NotificationsAsync(AppDbContext db, long id, CancellationToken cancellationToken)
    {
        var preference = await db.Set<NotificationPreference>().AsNoTracking().FirstOrDefaultAsync(p => p.CustomerId == id, cancellationToken);
        var messages = await db.Set<NotificationMessage>().AsNoTracking().Where(m => m.CustomerId == id)
            .GroupBy(m => new { m.Channel, m.Status }).Select(g => new { g.Key.Channel, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        List<ChannelCount> Count(NotificationStatus status) =>
            [.. messages.Where(m => m.Status == status).OrderBy(m => m.Channel).Select(m => new ChannelCount(ApiEnums.Name(m.Channel), m.Count))];
        return new ProfileNotifications(
            preference is not null,
            [.. (preference?.Channels ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            preference?.Language ?? NotificationPreference.DefaultLanguage,
            preference?.QuietHoursEnabled ?? true,
            Count(NotificationStatus.Sent),
            Count(NotificationStatus.Failed));
    }
}
