using GridCare.Domain.Sla;

namespace GridCare.Features.Notifications;

/// <summary>
/// Quiet hours are wall-clock minutes in China time; a range whose start is after its end runs over midnight
/// (the default 22:00–07:00). Start equal to end means no quiet hours.
/// </summary>
public static class QuietHours
{
    public const int DefaultStartMinute = 22 * 60;
    public const int DefaultEndMinute = 7 * 60;

    public static bool Contains(int minuteOfDay, int startMinute, int endMinute) =>
        startMinute < endMinute
            ? minuteOfDay >= startMinute && minuteOfDay < endMinute
            : startMinute > endMinute && (minuteOfDay >= startMinute || minuteOfDay < endMinute);

    /// <summary><paramref name="utc"/> itself outside quiet hours, else the instant they end.</summary>
    public static DateTime EndOf(DateTime utc, int startMinute, int endMinute)
    {
        var cst = ChinaTime.ToCst(utc);
        var minute = (int)cst.TimeOfDay.TotalMinutes;
        if (!Contains(minute, startMinute, endMinute))
        {
            return utc;
        }

        var end = cst.Date.AddMinutes(endMinute);
        if (end <= cst)
        {
            end = end.AddDays(1);
        }

        return ChinaTime.FromCst(end);
    }
}
