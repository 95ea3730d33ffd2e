using GridCare.Domain;
using GridCare.Domain.Sla;

namespace GridCare.Features.Sla;

/// <summary>
/// A calendar day an administrator stored: a day of a newly published State Council notice, or an amendment to a
/// shipped day. Stored days override the shipped calendar day by day.
/// </summary>
public sealed class CalendarDay
{
    private CalendarDay()
    {
        Name = string.Empty;
    }

    public DateOnly Date { get; private set; }

    public CalendarDayKind Kind { get; private set; }

    public string Name { get; private set; }

    public static CalendarDay Create(CalendarEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var day = new CalendarDay { Date = entry.Date };
        day.Change(entry);
        return day;
    }

    /// <summary>Takes the kind and name of <paramref name="entry"/>; false when they are already the same.</summary>
    public bool Change(CalendarEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        DomainRuleException.ThrowIfBlank(entry.Name, "name");
        if (entry.Kind == Kind && entry.Name == Name)
        {
            return false;
        }

        Kind = entry.Kind;
        Name = entry.Name;
        return true;
    }

    public CalendarEntry ToEntry() => new(Date, Kind, Name);
}
