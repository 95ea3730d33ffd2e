using System.ComponentModel.DataAnnotations;

namespace GridCare.Features.Notifications;

/// <summary>The notification dispatcher: how often it looks for due messages and how it retries.</summary>
public sealed class NotificationsOptions
{
    public const string Section = "GridCare:Notifications";

    /// <summary>Run the dispatcher in this instance (any number of instances may run it side by side).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>Seconds between looks for due messages when no save in this instance woke the dispatcher. Default 2.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 2;

    /// <summary>Messages one instance claims at a time, so several instances share a large event.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Attempts before a message is given up as Failed. Default 6.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Delay before the first retry; each further retry waits twice as long. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest delay between two attempts. Default 1 h.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a claimed message belongs to the instance sending it. Longer than any send may take: if the instance
    /// dies, another one takes the message over after this (the gateway drops the repeat by our message id).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan BackoffAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, RetryDelay.Ticks * (1L << Math.Clamp(attempts - 1, 0, 30))));
}
