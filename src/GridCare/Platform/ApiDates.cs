using System.Globalization;

namespace GridCare.Platform;

/// <summary>Date fields of requests (query strings, JSON text) in the one form the API documents: yyyy-MM-dd.</summary>
public static class ApiDates
{
    /// <summary>The date, null when the field is blank; anything else records an error naming the field.</summary>
    public static DateOnly? Parse(string? text, string field, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = [$"'{text}' is not a date in the form yyyy-MM-dd."];
        return null;
    }
}
