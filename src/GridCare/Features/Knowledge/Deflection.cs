using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Knowledge;

/// <summary>The portal's deflection over a period: forms on which a customer read a suggested article.</summary>
/// <param name="From">First China day counted.</param>
/// <param name="To">Last China day counted.</param>
/// <param name="Read">Forms on which an article was opened.</param>
/// <param name="Deflected">Of those, left without submitting for longer than the grace time.</param>
/// <param name="NotDeflected">Submitted anyway.</param>
/// <param name="Pending">Read within the grace time and not (yet) submitted.</param>
public sealed record DeflectionReport(DateOnly From, DateOnly To, int Read, int Deflected, int NotDeflected, int Pending)
{
    /// <summary>Deflected / (deflected + not deflected); null before any form has an outcome.</summary>
    public double? Rate => Deflected + NotDeflected == 0 ? null : Math.Round((double)Deflected / (Deflected + NotDeflected), 4);
}

/// <summary>
/// Counts deflection on the portal's report form: opening a suggested article records the form's id; submitting
/// the form marks it submitted. A form read and not submitted within <see cref="Grace"/> counts as deflected —
/// the customer found the answer and left.
/// </summary>
public sealed class Deflection(AppDbContext db, TimeProvider time)
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(30);

    public async Task RecordReadAsync(string formId, string slug, CancellationToken cancellationToken)
    {
        if (!IsFormId(formId) || await db.Set<KnowledgeDeflection>().AnyAsync(d => d.FormId == formId, cancellationToken))
        {
            return;
        }

        db.Add(new KnowledgeDeflection { FormId = formId, ArticleSlug = slug, ReadAtUtc = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same form opened two articles at once: the first read counts, the second is the same form.
        }
    }

    public async Task RecordSubmitAsync(string? formId, CancellationToken cancellationToken)
    {
        if (!IsFormId(formId))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await db.Set<KnowledgeDeflection>().Where(d => d.FormId == formId && d.SubmittedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.SubmittedAtUtc, now), cancellationToken);
    }

    public async Task<DeflectionReport> ReportAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = Domain.Sla.ChinaTime.FromCst(from, TimeOnly.MinValue);
        var end = Domain.Sla.ChinaTime.FromCst(to.AddDays(1), TimeOnly.MinValue);
        var cutoff = time.GetUtcNow().UtcDateTime - Grace;
        var rows = await db.Set<KnowledgeDeflection>().AsNoTracking()
            .Where(d => d.ReadAtUtc >= start && d.ReadAtUtc < end)
            .Select(d => new { d.ReadAtUtc, Submitted = d.SubmittedAtUtc != null })
            .ToListAsync(cancellationToken);
        var notDeflected = rows.Count(r => r.Submitted);
        var deflected = rows.Count(r => !r.Submitted && r.ReadAtUtc <= cutoff);
        return new DeflectionReport(from, to, rows.Count, deflected, notDeflected, rows.Count - notDeflected - deflected);
    }

    private static bool IsFormId(string? formId) => formId is { Length: 32 } && formId.All(char.IsAsciiHexDigit);
}
