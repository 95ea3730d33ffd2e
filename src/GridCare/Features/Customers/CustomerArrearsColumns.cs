using System.Globalization;
using GridCare.Domain.Customers;
using GridCare.Domain.Sla;
using GridCare.Platform.Imports;

namespace GridCare.Features.Customers;

/// <summary>
/// The optional arrears columns of the customer import, as the billing system exports them: <c>arrears_yuan</c>
/// (unpaid amount), <c>arrears_since</c>, <c>arrears_disconnected_at</c> and <c>arrears_paid_at</c> (China time,
/// <c>yyyy-MM-dd</c> or <c>yyyy-MM-dd HH:mm</c>). A file without any of them leaves the accounts' arrears as they are,
/// so account-register exports made before billing data was imported still import unchanged.
/// </summary>
public static class CustomerArrearsColumns
{
    public static readonly string[] Columns = ["arrears_yuan", "arrears_since", "arrears_disconnected_at", "arrears_paid_at"];

    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd", "yyyy/MM/dd HH:mm"];

    /// <summary>The row's arrears, or null when the file carries no arrears column.</summary>
    public static ArrearsRecord? Parse(CsvRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!Columns.Any(record.HasColumn))
        {
            return null;
        }

        var amount = record.Number("arrears_yuan", 0, 100_000_000, required: false) ?? 0m;
        var since = Instant(record, "arrears_since");
        var cut = Instant(record, "arrears_disconnected_at");
        var paid = Instant(record, "arrears_paid_at");
        if (paid is not null && cut is null)
        {
            record.Error("arrears_paid_at", "a payment that starts reconnection needs arrears_disconnected_at");
        }
        else if (paid < cut)
        {
            record.Error("arrears_paid_at", "is before arrears_disconnected_at");
        }

        if (decimal.Round(amount, 2) != amount)
        {
            record.Error("arrears_yuan", $"'{amount.ToString(CultureInfo.InvariantCulture)}' has more than two decimals (fen)");
        }

        return new ArrearsRecord(amount, amount == 0 ? null : since, cut, paid);
    }

    private static DateTime? Instant(CsvRecord record, string column)
    {
        if (record.Optional(column) is not { } text)
        {
            return null;
        }

        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var cst))
        {
            return ChinaTime.FromCst(DateTime.SpecifyKind(cst, DateTimeKind.Unspecified));
        }

        record.Error(column, $"'{text}' is not a China time in the form yyyy-MM-dd or yyyy-MM-dd HH:mm");
        return null;
    }
}
