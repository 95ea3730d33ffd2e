using System.Globalization;
using GridCare.Domain.Outages;
using GridCare.Domain.Sla;
using GridCare.Features.Notifications;
using GridCare.Platform.Database;

namespace GridCare.Features.Outages;

/// <summary>
/// The notices of an outage's life, queued in the same transaction as the change that causes them (the outbox
/// delivers them). Each has an event key made of the outage and the step, so a retried change never notifies twice.
/// </summary>
public static class OutageNotices
{
    public const string SubjectType = "outage";

    public static Task PublishedAsync(AppDbContext db, Outage outage, CancellationToken cancellationToken) =>
        QueueAsync(db, outage, "published", "outage.planned", AllOf(outage), new()
        {
            ["area"] = outage.Area,
            ["start"] = Time(outage.PlannedStart),
            ["end"] = Time(outage.PlannedEnd),
            ["reason"] = outage.Reason,
            ["customers"] = outage.CustomerCount.ToString(CultureInfo.InvariantCulture),
        }, emergency: false, cancellationToken);

    public static Task ReminderAsync(AppDbContext db, Outage outage, CancellationToken cancellationToken) =>
        QueueAsync(db, outage, "reminder", "outage.reminder", AllOf(outage), new()
        {
            ["area"] = outage.Area,
            ["start"] = Time(outage.PlannedStart),
            ["end"] = Time(outage.Etr ?? outage.PlannedEnd),
        }, emergency: false, cancellationToken);

    /// <summary>An unplanned outage was found: its customers hear of it at once, quiet hours or not.</summary>
    public static Task DetectedAsync(AppDbContext db, Outage outage, CancellationToken cancellationToken) =>
        QueueAsync(db, outage, "detected", "outage.detected", AllOf(outage), new()
        {
            ["area"] = outage.Area,
            ["etr"] = Time(outage.Etr),
        }, emergency: true, cancellationToken);

    /// <summary>The ETR changed (the <paramref name="change"/>-th time): the customers still off hear the new one.</summary>
    public static Task EtrChangedAsync(AppDbContext db, Outage outage, int change, CancellationToken cancellationToken) =>
        QueueAsync(db, outage, $"etr-{change}", "outage.etr-changed", [.. outage.Customers.Where(c => c.RestoredAt is null).Select(c => c.CustomerId)], new()
        {
            ["area"] = outage.Area,
            ["etr"] = Time(outage.Etr),
        }, emergency: false, cancellationToken);

    /// <summary>The customers of restoration step <paramref name="step"/> have supply again.</summary>
    public static Task RestoredAsync(AppDbContext db, Outage outage, IReadOnlyCollection<long> customerIds, int step, DateTime restoredAtUtc, CancellationToken cancellationToken) =>
        QueueAsync(db, outage, $"restored-{step}", "outage.restored", customerIds, new()
        {
            ["area"] = outage.Area,
            ["restoredAt"] = Time(restoredAtUtc),
        }, emergency: false, cancellationToken);

    public static Task CancelledAsync(AppDbContext db, Outage outage, CancellationToken cancellationToken) =>
        QueueAsync(db, outage, "cancelled", "outage.cancelled", AllOf(outage), new()
        {
            ["area"] = outage.Area,
            ["start"] = Time(outage.PlannedStart),
        }, emergency: false, cancellationToken);

    /// <summary>Notices speak China time to the minute, in a form both languages read (11-27 14:30).</summary>
    public static string Time(DateTime? utc) =>
        utc is { } value ? ChinaTime.ToCst(value).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture) : "-";

    private static List<long> AllOf(Outage outage) => [.. outage.Customers.Select(c => c.CustomerId)];

    private static async Task QueueAsync(
        AppDbContext db, Outage outage, string step, string template, IReadOnlyCollection<long> customerIds,
        Dictionary<string, string> values, bool emergency, CancellationToken cancellationToken)
    {
        if (customerIds.Count == 0)
        {
            return;
        }

        await NotificationOutbox.EnqueueAsync(db, new NotificationRequest(
            $"{SubjectType}:{outage.Number}:{step}", template, customerIds, values, emergency, SubjectType, outage.Number), cancellationToken);
    }
}
