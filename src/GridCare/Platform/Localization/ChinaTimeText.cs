using System.Globalization;
using GridCare.Domain.Sla;
using Microsoft.Extensions.Localization;

namespace GridCare.Platform.Localization;

/// <summary>Instants are stored in UTC and shown in China Standard Time, whatever the server's time zone.</summary>
public static class ChinaTimeText
{
    public static string Format(DateTime? utc) =>
        utc is { } value ? ChinaTime.ToCst(DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>"2 h 05 min left" or "overdue by 35 min", in the console's language.</summary>
    public static string Left(DateTime dueUtc, DateTime nowUtc, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var span = dueUtc - nowUtc;
        var abs = span.Duration();
        var text = abs.TotalHours >= 24
            ? string.Format(CultureInfo.CurrentCulture, localizer["Duration_Days"], (int)abs.TotalDays, abs.Hours)
            : string.Format(CultureInfo.CurrentCulture, localizer["Duration_Hours"], (int)abs.TotalHours, abs.Minutes);
        return string.Format(CultureInfo.CurrentCulture, span < TimeSpan.Zero ? localizer["Sla_Overdue"] : localizer["Sla_Left"], text);
    }
}
