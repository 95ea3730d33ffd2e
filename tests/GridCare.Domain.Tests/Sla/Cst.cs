using GridCare.Domain.Sla;

namespace GridCare.Domain.Tests.Sla;

/// <summary>Writes test instants as the China Standard Time a dispatcher would read off the wall.</summary>
internal static class Cst
{
    public static DateTime At(int year, int month, int day, int hour, int minute) =>
        ChinaTime.FromCst(new DateOnly(year, month, day), new TimeOnly(hour, minute));
}
