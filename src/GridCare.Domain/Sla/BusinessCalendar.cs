using System.Globalization;

namespace GridCare.Domain.Sla;

/// <summary>
/// China's working-day calendar: Monday to Friday are working days, except the days off of the statutory holiday
/// blocks (放假), and some Saturdays and Sundays are working days to make up for them (调休上班). Both kinds of exception
/// come from the State Council's yearly notice, so the calendar is data, one entry per exceptional day.
/// </summary>
/// <remarks>
/// A year without entries is not known to be ordinary: its notice may simply not be loaded yet. Days of such a year
/// follow the Monday–Friday pattern, and callers use <see cref="Covers(int)"/> to warn that a deadline is provisional.
/// A year may also be shipped with only the statutory days the law fixes, marked provisional, before its notice is
/// out (<see cref="IsProvisional(int)"/>): those days count, but the year is not covered until the notice is entered.
/// </remarks>
public sealed class BusinessCalendar
{
    private const string ChinaMainlandResource = "GridCare.Domain.Sla.cn-holidays.csv";

    private static readonly Lazy<BusinessCalendar> ChinaMainlandCalendar = new(LoadChinaMainland);

    private readonly Dictionary<DateOnly, CalendarEntry> byDate;
    private readonly HashSet<int> years;
    private readonly HashSet<int> provisionalYears;

    public BusinessCalendar(IEnumerable<CalendarEntry> entries, WorkingHours? workingHours = null)
        : this(ToDictionary(entries), workingHours ?? WorkingHours.Default)
    {
    }

    private BusinessCalendar(Dictionary<DateOnly, CalendarEntry> byDate, WorkingHours workingHours)
    {
        this.byDate = byDate;
        Entries = [.. byDate.Values.OrderBy(e => e.Date)];
        years = [.. byDate.Keys.Select(d => d.Year)];
        provisionalYears = [.. byDate.Values.Where(e => e.Provisional).Select(e => e.Date.Year)];
        Years = [.. years.Order()];
        WorkingHours = workingHours;
    }

    public IReadOnlyList<CalendarEntry> Entries { get; }

    /// <summary>
    /// The years with at least one entry, in order, provisional ones included. Every published year has entries
    /// (元旦 at least), so a year missing here is a year whose notice has not been loaded. A notice whose 元旦 break starts in late December (as 2024's
    /// did) also lists days of the year before, so load a year's notice only together with the notice of the year before.
    /// </summary>
    public IReadOnlyList<int> Years { get; }

    public WorkingHours WorkingHours { get; }

    /// <summary>The calendar shipped with GridCare: the published notices, with the default working hours.</summary>
    public static BusinessCalendar ChinaMainland() => ChinaMainlandCalendar.Value;

    /// <summary>
    /// Reads entries in the shipped format: lines <c>date,kind,name[,status]</c> (e.g. <c>2026-10-10,workday,国庆节</c>,
    /// <c>2027-01-01,holiday,元旦,provisional</c>), an optional header line, blank lines and <c>#</c> comment lines.
    /// </summary>
    public static IReadOnlyList<CalendarEntry> ReadCsv(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<CalendarEntry>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("date,", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line.Split(',', 4);
            if (fields.Length < 3
                || !DateOnly.TryParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new FormatException($"Line {lineNumber}: expected 'yyyy-MM-dd,holiday|workday,name', got '{line}'.");
            }

            var kind = fields[1] switch
            {
                "holiday" => CalendarDayKind.Holiday,
                "workday" => CalendarDayKind.Workday,
                _ => throw new FormatException($"Line {lineNumber}: kind is 'holiday' or 'workday', got '{fields[1]}'."),
            };
            var provisional = (fields.Length == 4 ? fields[3].Trim() : string.Empty) switch
            {
                "" => false,
                "provisional" => true,
                var other => throw new FormatException($"Line {lineNumber}: status is empty or 'provisional', got '{other}'."),
            };
            entries.Add(new CalendarEntry(date, kind, fields[2].Trim(), provisional));
        }

        return entries;
    }

    /// <summary>
    /// A calendar with more entries, e.g. the next year once its notice is published. An added entry replaces the
    /// entry of the same date: notices have been amended after publication (in 2020 the Spring Festival break was
    /// extended and the make-up Saturday 2020-02-01 became a day off).
    /// </summary>
    public BusinessCalendar With(IEnumerable<CalendarEntry> entries)
    {
        var merged = new Dictionary<DateOnly, CalendarEntry>(byDate);
        foreach (var (date, entry) in ToDictionary(entries))
        {
            merged[date] = entry;
        }

        return new BusinessCalendar(merged, WorkingHours);
    }

    public BusinessCalendar WithWorkingHours(WorkingHours workingHours)
    {
        ArgumentNullException.ThrowIfNull(workingHours);
        return new BusinessCalendar(byDate, workingHours);
    }

    /// <summary>Whether the holiday notice of the year is loaded: it has entries and none of them is provisional.</summary>
    public bool Covers(int year) => years.Contains(year) && !provisionalYears.Contains(year);

    /// <summary>Whether some days of the year are shipped statutory days its notice has not confirmed yet.</summary>
    public bool IsProvisional(int year) => provisionalYears.Contains(year);

    /// <summary>Whether every year from <paramref name="from"/> through <paramref name="through"/> is covered.</summary>
    public bool Covers(DateOnly from, DateOnly through)
    {
        for (var year = from.Year; year <= through.Year; year++)
        {
            if (!Covers(year))
            {
                return false;
            }
        }

        return true;
    }

    public CalendarEntry? EntryOn(DateOnly date) => byDate.GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date) => byDate.TryGetValue(date, out var entry)
        ? entry.Kind == CalendarDayKind.Workday
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="date"/>; the date itself is never
    /// counted, so adding 1 to a Friday before a normal weekend gives the Monday, and adding 0 gives the date back.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = date;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>
    /// The deadline of "within N working days" (N 个工作日内) from an instant: the close of the working hours on the
    /// N-th working day after the CST day of receipt. The day of receipt is never counted, so a contact received on a
    /// rest day starts counting at the next working day.
    /// </summary>
    /// <remarks>
    /// This is how the Civil Code counts periods: 第二百零一条 "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算",
    /// and 第二百零三条 "期间的最后一日的截止时间为二十四时；有业务时间的，停止业务活动的时间为截止时间" — a supply bureau has
    /// business hours, so the period ends when they close. It also gives every contact the same number of whole
    /// working days, whatever the hour it came in: counting the part-day of receipt would punish late contacts.
    /// </remarks>
    public DateTime WorkingDaysDeadline(DateTime receivedUtc, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workingDays);
        var lastDay = AddWorkingDays(ChinaTime.DateOf(receivedUtc), workingDays);
        return ChinaTime.FromCst(lastDay, WorkingHours.Close);
    }

    /// <summary>The working periods, as UTC intervals, of every working day from <paramref name="firstDay"/> on; endless.</summary>
    internal IEnumerable<(DateTime StartUtc, DateTime EndUtc)> WorkingTimeFrom(DateOnly firstDay)
    {
        for (var day = firstDay; ; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            foreach (var period in WorkingHours.Periods)
            {
                yield return (ChinaTime.FromCst(day, period.Start), ChinaTime.FromCst(day, period.End));
            }
        }
    }

    private static Dictionary<DateOnly, CalendarEntry> ToDictionary(IEnumerable<CalendarEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var result = new Dictionary<DateOnly, CalendarEntry>();
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry);
            DomainRuleException.ThrowIfBlank(entry.Name, "name");
            if (!Enum.IsDefined(entry.Kind))
            {
                throw new DomainRuleException($"{entry.Date:O}: unknown kind {entry.Kind}.");
            }

            // A make-up working day is by definition a weekend day; a weekday 'workday' is a typo in the data.
            if (entry.Kind == CalendarDayKind.Workday && entry.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                throw new DomainRuleException($"{entry.Date:O} is a {entry.Date.DayOfWeek}, so it cannot be a make-up working day.");
            }

            if (!result.TryAdd(entry.Date, entry))
            {
                throw new DomainRuleException($"{entry.Date:O} is listed twice.");
            }
        }

        return result;
    }

    private static BusinessCalendar LoadChinaMainland()
    {
        using var stream = typeof(BusinessCalendar).Assembly.GetManifestResourceStream(ChinaMainlandResource)
            ?? throw new InvalidOperationException($"Embedded resource {ChinaMainlandResource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return new BusinessCalendar(ReadCsv(reader));
    }
}
