using System.ComponentModel.DataAnnotations;
using GridCare.Domain.Outages;

namespace GridCare.Features.Outages;

/// <summary>Notice rules, reminders and outage detection (<c>GridCare:Outages</c>).</summary>
public sealed class OutagesOptions
{
    public const string Section = "GridCare:Outages";

    /// <summary>Days of notice a planned outage needs (供电监管办法 art. 13: 7).</summary>
    [Range(0, 60)]
    public double PlannedNoticeDays { get; set; } = 7;

    /// <summary>Hours of notice a temporary outage needs (24).</summary>
    [Range(0, 240)]
    public double TemporaryNoticeHours { get; set; } = 24;

    /// <summary>Minutes before a planned cut the reminder goes out (CSG practice: 30).</summary>
    [Range(1, 1440)]
    public int ReminderMinutes { get; set; } = 30;

    /// <summary>How often the scheduler starts due cuts and queues due reminders.</summary>
    [Range(1, 3600)]
    public int SchedulerSeconds { get; set; } = 15;

    /// <summary>
    /// Events and calls arriving within this many seconds of the first pending one are grouped into one outage.
    /// Short enough that notices are queued within a minute of the events (the scan interval adds to it).
    /// </summary>
    [Range(1, 600)]
    public int DetectionWindowSeconds { get; set; } = 20;

    /// <summary>How often detection looks at pending events.</summary>
    [Range(1, 600)]
    public int DetectionSeconds { get; set; } = 5;

    /// <summary>The ETR of a detected outage before a dispatcher sets one: arrival plus restoration time (hours).</summary>
    [Range(0.25, 72)]
    public double DefaultRestorationHours { get; set; } = 4;

    /// <summary>
    /// Share of a transformer's meters (those that reported in the day before) missing or at zero voltage in a
    /// 15-minute slot that makes the readings evidence of an outage on it; a terminal at zero voltage always is.
    /// </summary>
    [Range(0.1, 1)]
    public double ReadingEvidenceShare { get; set; } = 0.8;

    /// <summary>How far back (minutes) detection looks for dark transformers in the meter store's readings.</summary>
    [Range(15, 1380)]
    public int ReadingEvidenceLookbackMinutes { get; set; } = 120;

    /// <summary>How often the readings are scanned for dark transformers (seconds); readings come every 15 minutes.</summary>
    [Range(10, 3600)]
    public int ReadingEvidenceSeconds { get; set; } = 300;

    /// <summary>Whether the scheduler and the detector run on this instance (tests drive them by hand).</summary>
    public bool BackgroundEnabled { get; set; } = true;

    public NoticeRule NoticeRule => new(TimeSpan.FromDays(PlannedNoticeDays), TimeSpan.FromHours(TemporaryNoticeHours));
}
