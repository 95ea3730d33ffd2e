using GridCare.Domain.Sla;
using GridCare.Features.Notifications;

namespace GridCare.Tests;

public sealed class NotificationRulesTests
{
    [Theory]
    [InlineData("2026-12-03 21:59", "2026-12-03 21:59")]
    [InlineData("2026-12-03 22:00", "2026-12-04 07:00")]
    [InlineData("2026-12-04 03:15", "2026-12-04 07:00")]
    [InlineData("2026-12-04 07:00", "2026-12-04 07:00")]
    public void QuietHours_EndOf_MovesOnlyInstantsInsideTheWindow(string cst, string expectedCst)
    {
        var utc = ChinaTime.FromCst(DateTime.Parse(cst, System.Globalization.CultureInfo.InvariantCulture));

        var allowed = QuietHours.EndOf(utc, QuietHours.DefaultStartMinute, QuietHours.DefaultEndMinute);

        Assert.Equal(ChinaTime.FromCst(DateTime.Parse(expectedCst, System.Globalization.CultureInfo.InvariantCulture)), allowed);
    }

    [Fact]
    public void QuietHours_DaytimeWindowAndEmptyWindow()
    {
        Assert.True(QuietHours.Contains(12 * 60, 12 * 60, 14 * 60));
        Assert.False(QuietHours.Contains(14 * 60, 12 * 60, 14 * 60));
        Assert.False(QuietHours.Contains(3 * 60, 0, 0));
    }

    [Fact]
    public void Backoff_DoublesUpToTheMaximum()
    {
        var options = new NotificationsOptions { RetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromMinutes(5) };

        Assert.Equal(
            [30, 60, 120, 240, 300, 300],
            Enumerable.Range(1, 6).Select(a => (int)options.BackoffAfter(a).TotalSeconds));
    }
}
