using GridCare.Features.WorkOrders;

namespace GridCare.Features.Sla;

/// <summary>Reads the policies in the order they are tried and the effective calendar of a year.</summary>
public sealed class GetSlaSettings(SlaCalendar calendar, SlaPolicies policies)
{
    public IReadOnlyList<SlaPolicyResponse> Policies() =>
        [.. policies.Current.OrderBy(p => p.IsFallback).ThenBy(p => p.Order).Select(SlaPolicyResponse.Of)];

    public CalendarYearResponse Year(int year)
    {
        var business = calendar.Clock.Calendar;
        var edited = calendar.EditedDates;
        return new CalendarYearResponse(
            year,
            business.Covers(year),
            [.. business.Entries.Where(e => e.Date.Year == year).Select(e => new CalendarDayResponse(
                e.Date, e.Kind, e.Name, edited.Contains(e.Date) ? CalendarDaySource.Edited : CalendarDaySource.Shipped))]);
    }
}
