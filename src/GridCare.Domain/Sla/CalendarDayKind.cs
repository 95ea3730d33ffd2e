namespace GridCare.Domain.Sla;

public enum CalendarDayKind
{
    /// <summary>放假: a day off inside an official holiday block, whatever its weekday.</summary>
    Holiday,

    /// <summary>调休上班: a Saturday or Sunday that is a working day.</summary>
    Workday,
}
