using System.Globalization;
using GridCare.Domain.Staff;
using GridCare.Platform;
using GridCare.Platform.Auth;

namespace GridCare.Features.MeterAnalytics;

/// <summary>Who reads the meter analyses, and the parsing of their query parameters (errors name the parameter).</summary>
public static class MeterAnalyticsAccess
{
    /// <summary>Transformer, voltage and line-loss analyses: those who plan the network and answer for its quality.</summary>
    public static readonly StaffRole[] NetworkReaders = [StaffRole.Dispatcher, StaffRole.Manager, StaffRole.Analyst, StaffRole.Admin];

    /// <summary>A customer's consumption: also the agents who talk to the customer.</summary>
    public static readonly StaffRole[] ConsumptionReaders = [StaffRole.Agent, StaffRole.Dispatcher, StaffRole.Manager, StaffRole.Analyst, StaffRole.Admin];

    public const int MaxRangeDays = 31;

    public const int MaxConsumptionDays = 400;

    public static string? Refusal(StaffScope scope, StaffRole[] readers)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return readers.Any(scope.IsIn) ? null : $"Read by {string.Join(", ", readers.Select(StaffRoles.NameOf))}.";
    }

    public static (int Year, int Month)? Month(string? text, string field, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (date.Year, date.Month);
        }

        errors[field] = [$"'{text}' is not a month in the form yyyy-MM."];
        return null;
    }

    /// <summary>A from/to pair of China days, defaulting to the <paramref name="defaultDays"/> days up to <paramref name="latest"/>.</summary>
    public static (DateOnly From, DateOnly To) Range(string? from, string? to, DateOnly latest, int defaultDays, int maxDays, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var end = ApiDates.Parse(to, "to", errors) ?? latest;
        var start = ApiDates.Parse(from, "from", errors) ?? end.AddDays(1 - defaultDays);
        if (!errors.ContainsKey("from") && !errors.ContainsKey("to") && (end < start || end.DayNumber - start.DayNumber >= maxDays))
        {
            errors["to"] = [$"'to' is on or after 'from' ({start:yyyy-MM-dd}), at most {maxDays} days later."];
        }

        return (start, end);
    }
}
