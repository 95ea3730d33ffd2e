namespace GridCare.Domain.Sla;

/// <summary>
/// Converts between UTC instants and China Standard Time wall-clock values. GridCare stores and exchanges UTC only;
/// CST is used to decide which calendar day an instant falls on and where a working day starts and ends.
/// </summary>
/// <remarks>
/// The offset is a fixed UTC+8 instead of the "Asia/Shanghai" zone: China has observed no daylight saving time since
/// 1991, so the offset is constant for every instant an SLA can touch, and a fixed offset gives the same answers on
/// servers and containers without tzdata (slim images, Windows ids) where looking the zone up would fail.
/// </remarks>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The CST wall-clock value (kind Unspecified) of a UTC instant.</summary>
    public static DateTime ToCst(DateTime utc)
    {
        RequireUtc(utc, nameof(utc));
        return DateTime.SpecifyKind(utc + Offset, DateTimeKind.Unspecified);
    }

    /// <summary>The UTC instant of a CST wall-clock value; the value must not claim to be UTC or machine-local time.</summary>
    public static DateTime FromCst(DateTime cst)
    {
        if (cst.Kind != DateTimeKind.Unspecified)
        {
            throw new ArgumentException($"A CST wall-clock value has kind Unspecified, not {cst.Kind}.", nameof(cst));
        }

        return DateTime.SpecifyKind(cst - Offset, DateTimeKind.Utc);
    }

    public static DateTime FromCst(DateOnly date, TimeOnly time) => FromCst(date.ToDateTime(time));

    /// <summary>The CST calendar day an instant falls on.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToCst(utc));

    internal static void RequireUtc(DateTime value, string name)
    {
        if (value.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException($"Instants are UTC; got kind {value.Kind}.", name);
        }
    }
}
