using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using GridCare.Domain.Sla;

namespace GridCare.Domain.WorkOrders;

/// <summary>
/// The number staff and customers quote: the bureau's prefix, the day of receipt in China Standard Time and a
/// sequence that restarts every day per bureau, e.g. <c>DF20261127-000123</c>. The day is the CST day because that
/// is the day on the customer's receipt and in the bureau's daily reports, whatever the server's zone.
/// </summary>
public readonly record struct WorkOrderNumber
{
    public const int MaxSequence = 999_999;

    private const int MaxPrefixLength = 8;

    private WorkOrderNumber(string prefix, DateOnly date, int sequence)
    {
        Prefix = prefix;
        Date = date;
        Sequence = sequence;
    }

    /// <summary>Upper-case ASCII letters only, so the digits of the date that follow can never be mistaken for it.</summary>
    public string Prefix { get; }

    /// <summary>The CST day of receipt.</summary>
    public DateOnly Date { get; }

    public int Sequence { get; }

    public static WorkOrderNumber For(string prefix, DateTime receivedAtUtc, int sequence)
    {
        if (!IsPrefix(prefix))
        {
            throw new DomainRuleException($"A number prefix is 1–{MaxPrefixLength} upper-case letters A–Z, not '{prefix}'.");
        }

        if (sequence is < 1 or > MaxSequence)
        {
            throw new DomainRuleException($"A daily sequence runs from 1 to {MaxSequence}, not {sequence}.");
        }

        return new WorkOrderNumber(prefix, ChinaTime.DateOf(receivedAtUtc), sequence);
    }

    public static bool TryParse([NotNullWhen(true)] string? value, out WorkOrderNumber number)
    {
        number = default;
        const int tailLength = 8 + 1 + 6;
        if (value is null || value.Length <= tailLength)
        {
            return false;
        }

        var prefix = value[..^tailLength];
        var tail = value.AsSpan(value.Length - tailLength);
        if (!IsPrefix(prefix)
            || tail[8] != '-'
            || !DateOnly.TryParseExact(tail[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !AllDigits(tail[9..])
            || !int.TryParse(tail[9..], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || sequence < 1)
        {
            return false;
        }

        number = new WorkOrderNumber(prefix, date, sequence);
        return true;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Date:yyyyMMdd}-{Sequence:D6}");

    private static bool IsPrefix(string? prefix) =>
        prefix is { Length: > 0 and <= MaxPrefixLength } && prefix.All(char.IsAsciiLetterUpper);

    private static bool AllDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
