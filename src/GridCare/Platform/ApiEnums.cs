namespace GridCare.Platform;

/// <summary>Enum fields of requests as the API documents them (camelCase names); anything else is an error naming the field.</summary>
public static class ApiEnums
{
    public static TEnum? Parse<TEnum>(string? value, string field, IDictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(value[0]) && value[0] != '-')
        {
            return parsed;
        }

        errors[field] = [$"'{value}' is not one of {string.Join(", ", Enum.GetNames<TEnum>().Select(Name))}."];
        return null;
    }

    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => Name(value.ToString());

    private static string Name(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
