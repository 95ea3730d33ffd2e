using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Sla;

/// <summary>Reads the stored policies, the effective calendar of a year and the audit of changes.</summary>
public sealed class GetSlaSettings(IDbContextFactory<AppDbContext> dbFactory, SlaSettings settings)
{
    /// <summary>
    /// Every stored policy, enabled ones first in the order they are preferred: more specific first, then by order
    /// number, then by name.
    /// </summary>
    public async Task<IReadOnlyList<SlaPolicyResponse>> PoliciesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Set<StoredSlaPolicy>().AsNoTracking().ToListAsync(cancellationToken);
        return [.. stored.Select(SlaPolicyResponse.Of)
            .OrderByDescending(p => p.Enabled)
            .ThenByDescending(p => p.Specificity)
            .ThenBy(p => p.Order)
            .ThenBy(p => p.Name, StringComparer.Ordinal)];
    }

    public async Task<SlaPolicyResponse?> PolicyAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Set<StoredSlaPolicy>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return stored is null ? null : SlaPolicyResponse.Of(stored);
    }

    public CalendarYearResponse Year(int year)
    {
        var business = settings.Clock.Calendar;
        var edited = settings.EditedDates;
        return new CalendarYearResponse(
            year,
            business.Covers(year),
            business.IsProvisional(year),
            [.. business.Entries.Where(e => e.Date.Year == year).Select(e => new CalendarDayResponse(
                e.Date, e.Kind, e.Name, edited.Contains(e.Date) ? CalendarDaySource.Edited : CalendarDaySource.Shipped, e.Provisional))]);
    }

    /// <summary>The latest changes of policies and calendar, newest first.</summary>
    public async Task<IReadOnlyList<SlaChangeResponse>> ChangesAsync(int take, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<SlaChange>().AsNoTracking()
            .OrderByDescending(c => c.Id).Take(take)
            .Select(c => new SlaChangeResponse(c.Id, c.At, c.Actor, c.Revision, c.Subject, c.SubjectKey, c.Action, c.Before, c.After))
            .ToListAsync(cancellationToken);
    }
}
