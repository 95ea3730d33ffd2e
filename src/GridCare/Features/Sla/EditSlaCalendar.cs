using System.ComponentModel.DataAnnotations;
using System.Globalization;
using GridCare.Domain.Sla;
using GridCare.Platform.Database;
using GridCare.Platform.Imports;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Sla;

public sealed record CalendarDayRequest(
    [property: Required] string? Kind,
    [property: Required, StringLength(50, MinimumLength = 1)] string? Name);

public abstract record EditCalendarResult
{
    public sealed record Saved(CalendarDayResponse Day) : EditCalendarResult;

    public sealed record Removed : EditCalendarResult;

    public sealed record NotFound : EditCalendarResult;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : EditCalendarResult;
}

/// <summary>
/// Administrators' edits of the business calendar: one day at a time, or a whole State Council notice as CSV.
/// Every edit is saved with an audit row and a new settings revision, then reloads <see cref="SlaSettings"/>, so the
/// next deadline is counted on the edited calendar here at once and in other instances within seconds; open
/// orders are re-timed by the SLA scanner.
/// </summary>
public sealed class EditSlaCalendar(AppDbContext db, SlaSettings settings, TimeProvider time)
{
    private static readonly string[] Columns = ["date", "kind", "name"];

    public async Task<EditCalendarResult> PutAsync(string date, CalendarDayRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var day = ParseDate(date);
        if (day is null)
        {
            errors["date"] = [$"'{date}' is not a date in the form yyyy-MM-dd."];
        }

        var kind = ParseKind(request.Kind);
        if (kind is null)
        {
            errors["kind"] = [$"'{request.Kind}' is not one of holiday, workday."];
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = ["The name of the holiday block is required."];
        }

        if (day is { } d && kind is { } k && RuleError(d, k) is { } rule)
        {
            errors["kind"] = [rule];
        }

        if (errors.Count > 0)
        {
            return new EditCalendarResult.Invalid(errors);
        }

        var entry = new CalendarEntry(day!.Value, kind!.Value, request.Name!.Trim());
        var stored = await db.Set<CalendarDay>().FindAsync([entry.Date], cancellationToken);
        var before = stored is null ? Shipped(entry.Date) : Describe(stored.ToEntry());
        if (stored is null)
        {
            db.Add(CalendarDay.Create(entry));
        }
        else if (!stored.Change(entry))
        {
            return new EditCalendarResult.Saved(new CalendarDayResponse(entry.Date, entry.Kind, entry.Name, CalendarDaySource.Edited));
        }

        await SaveAsync(SlaChangeSubject.CalendarDay, Key(entry.Date), stored is null ? SlaChangeAction.Created : SlaChangeAction.Updated, before, Describe(entry), actor, cancellationToken);
        return new EditCalendarResult.Saved(new CalendarDayResponse(entry.Date, entry.Kind, entry.Name, CalendarDaySource.Edited));
    }

    /// <summary>Removes an administrator's day; the shipped entry of that date, if any, applies again.</summary>
    public async Task<EditCalendarResult> DeleteAsync(string date, string actor, CancellationToken cancellationToken)
    {
        if (ParseDate(date) is not { } day)
        {
            return new EditCalendarResult.Invalid(new Dictionary<string, string[]> { ["date"] = [$"'{date}' is not a date in the form yyyy-MM-dd."] });
        }

        var stored = await db.Set<CalendarDay>().FindAsync([day], cancellationToken);
        if (stored is null)
        {
            return new EditCalendarResult.NotFound();
        }

        db.Remove(stored);
        await SaveAsync(SlaChangeSubject.CalendarDay, Key(day), SlaChangeAction.Removed, Describe(stored.ToEntry()), Shipped(day), actor, cancellationToken);
        return new EditCalendarResult.Removed();
    }

    /// <summary>Imports <c>date,kind,name</c> lines; any bad line rejects the whole file and nothing is stored.</summary>
    public async Task<ImportResult> ImportAsync(Stream content, string fileName, string actor, CancellationToken cancellationToken)
    {
        var (records, errors) = await CsvImport.ReadAsync(content, fileName, Columns, [], cancellationToken);
        var entries = new Dictionary<DateOnly, CalendarEntry>();
        foreach (var record in records)
        {
            var dateText = record.Required("date");
            var kind = record.Choice<CalendarDayKind>("kind");
            var name = record.Required("name");
            if (dateText.Length == 0)
            {
                continue;
            }

            if (ParseDate(dateText) is not { } date)
            {
                record.Error("date", $"'{dateText}' is not a date in the form yyyy-MM-dd");
                continue;
            }

            if (kind is not { } k || name.Length == 0)
            {
                continue;
            }

            if (RuleError(date, k) is { } rule)
            {
                record.Error("kind", rule);
            }
            else if (name.Length > 50)
            {
                record.Error("name", "is longer than 50 characters");
            }
            else if (!entries.TryAdd(date, new CalendarEntry(date, k, name)))
            {
                record.Error("date", $"{dateText} is listed twice");
            }
        }

        if (errors.Count > 0)
        {
            return ImportResult.Failed(errors);
        }

        var dates = entries.Keys.ToList();
        var existing = await db.Set<CalendarDay>().Where(d => dates.Contains(d.Date)).ToDictionaryAsync(d => d.Date, cancellationToken);
        int created = 0, updated = 0, unchanged = 0;
        var changed = new List<string>();
        foreach (var entry in entries.Values.OrderBy(e => e.Date))
        {
            if (!existing.TryGetValue(entry.Date, out var stored))
            {
                db.Add(CalendarDay.Create(entry));
                created++;
                changed.Add(Describe(entry));
            }
            else if (stored.Change(entry))
            {
                updated++;
                changed.Add(Describe(entry));
            }
            else
            {
                unchanged++;
            }
        }

        if (changed.Count > 0)
        {
            var summary = $"created {created}, updated {updated}, unchanged {unchanged}: {string.Join("; ", changed)}";
            await SaveAsync(SlaChangeSubject.CalendarImport, fileName, SlaChangeAction.Imported, null, summary, actor, cancellationToken);
        }

        return new ImportResult(created, updated, unchanged, []);
    }

    /// <summary>Saves the tracked edit with its audit row under a new settings revision, then reloads the settings.</summary>
    private async Task SaveAsync(
        SlaChangeSubject subject, string key, SlaChangeAction action, string? before, string? after, string actor, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var revision = await SlaRevisions.NextAsync(db, actor, at, cancellationToken);
            db.Add(SlaChange.Of(at, actor, revision, subject, key.Length > 200 ? key[..200] : key, action, before, after));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await settings.RefreshAsync(cancellationToken);
    }

    private static string? Shipped(DateOnly date) => BusinessCalendar.ChinaMainland().EntryOn(date) is { } shipped ? Describe(shipped) : null;

    private static string Describe(CalendarEntry entry) =>
        $"{Key(entry.Date)} {entry.Kind.ToString().ToLowerInvariant()} {entry.Name}{(entry.Provisional ? " (provisional)" : string.Empty)}";

    private static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static CalendarDayKind? ParseKind(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "holiday" => CalendarDayKind.Holiday,
        "workday" => CalendarDayKind.Workday,
        _ => null,
    };

    // A make-up working day (调休上班) is always a Saturday or Sunday; the domain calendar refuses anything else.
    private static string? RuleError(DateOnly date, CalendarDayKind kind) =>
        kind == CalendarDayKind.Workday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
            ? $"{date:yyyy-MM-dd} is a {date.DayOfWeek}, so it cannot be a make-up working day"
            : null;
}
