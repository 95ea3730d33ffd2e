using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Surveys;

/// <summary>One answered survey's scores; either may be missing (not asked, or not answered).</summary>
public sealed record SurveyScoreInput(int? Csat, int? Nps);

/// <summary>An answered survey with when and where it counts, for the satisfaction indicators.</summary>
public sealed record SurveyAnswerFact(DateTime AnsweredAt, int? Csat, int? Nps);

/// <summary>
/// CSAT and NPS of a set of answers. CSAT is the mean of the 1–5 answers (DOMAIN.md §5: "CSAT (1–5)"), two decimals;
/// NPS is the share of promoters (9–10) minus the share of detractors (0–6) of the 0–10 answers, in points from −100 to
/// 100, one decimal. Each is null without answers to its question.
/// </summary>
public sealed record SurveyScore(int CsatAnswers, double? Csat, int NpsAnswers, double? Nps)
{
    public static SurveyScore Of(IEnumerable<SurveyScoreInput> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var list = answers.ToList();
        var csat = list.Where(a => a.Csat is not null).Select(a => a.Csat!.Value).ToList();
        var nps = list.Where(a => a.Nps is not null).Select(a => a.Nps!.Value).ToList();
        return new SurveyScore(
            csat.Count,
            csat.Count == 0 ? null : Math.Round(csat.Average(), 2),
            nps.Count,
            nps.Count == 0 ? null : Math.Round(100.0 * (nps.Count(n => n >= 9) - nps.Count(n => n <= 6)) / nps.Count, 1));
    }

    /// <summary>The answers given in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) by customers of <paramref name="units"/> (their unit when invited).</summary>
    public static async Task<List<SurveyAnswerFact>> AnswersAsync(AppDbContext db, IReadOnlyCollection<int> units, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = units.ToList();
        return await db.Set<SurveyInvitation>().AsNoTracking()
            .Where(i => i.AnsweredAt >= fromUtc && i.AnsweredAt < toUtc && ids.Contains(i.OrgUnitId))
            .Select(i => new SurveyAnswerFact(i.AnsweredAt!.Value, i.Csat, i.Nps)).ToListAsync(cancellationToken);
    }
}
