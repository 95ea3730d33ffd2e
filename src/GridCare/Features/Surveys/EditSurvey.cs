using GridCare.Domain.Staff;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Surveys;

/// <summary>A survey's questions as the API takes them: texts in Chinese (Zh) and English (En); an empty question is not asked.</summary>
public sealed record SurveyRequest(
    string? TitleZh,
    string? TitleEn,
    string? CsatQuestionZh,
    string? CsatQuestionEn,
    string? NpsQuestionZh,
    string? NpsQuestionEn,
    string? CommentPromptZh,
    string? CommentPromptEn,
    bool? Active);

public sealed record SurveyResponse(
    int Id,
    string TitleZh,
    string TitleEn,
    string? CsatQuestionZh,
    string? CsatQuestionEn,
    string? NpsQuestionZh,
    string? NpsQuestionEn,
    string? CommentPromptZh,
    string? CommentPromptEn,
    bool Active,
    DateTime UpdatedAt,
    string UpdatedBy);

public abstract record EditSurveyResult
{
    public sealed record Saved(SurveyResponse Survey) : EditSurveyResult;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : EditSurveyResult;

    public sealed record Forbidden(string Reason) : EditSurveyResult;

    public sealed record NotFound : EditSurveyResult;
}

/// <summary>Administrators set the survey questions; managers and analysts read them to start survey campaigns.</summary>
public sealed class EditSurvey(AppDbContext db, TimeProvider time)
{
    public const int MaxTitle = 60;
    public const int MaxQuestion = 200;

    public static readonly StaffRole[] Readers = [StaffRole.Manager, StaffRole.Analyst, StaffRole.Admin];

    public async Task<IReadOnlyList<SurveyResponse>?> ListAsync(StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Readers.Any(scope.IsIn)
            ? [.. (await db.Set<Survey>().AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken)).Select(ToResponse)]
            : null;
    }

    /// <summary>Creates a survey (<paramref name="id"/> null) or replaces one's questions.</summary>
    public async Task<EditSurveyResult> SaveAsync(int? id, SurveyRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsIn(StaffRole.Admin))
        {
            return new EditSurveyResult.Forbidden("Survey questions are set by administrators.");
        }

        var survey = id is { } existing ? await db.Set<Survey>().FirstOrDefaultAsync(s => s.Id == existing, cancellationToken) : null;
        if (id is not null && survey is null)
        {
            return new EditSurveyResult.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        var texts = new SurveyTexts(
            Text(request.TitleZh, MaxTitle, "titleZh", errors, required: true)!,
            Text(request.TitleEn, MaxTitle, "titleEn", errors, required: true)!,
            Text(request.CsatQuestionZh, MaxQuestion, "csatQuestionZh", errors),
            Text(request.CsatQuestionEn, MaxQuestion, "csatQuestionEn", errors),
            Text(request.NpsQuestionZh, MaxQuestion, "npsQuestionZh", errors),
            Text(request.NpsQuestionEn, MaxQuestion, "npsQuestionEn", errors),
            Text(request.CommentPromptZh, MaxQuestion, "commentPromptZh", errors),
            Text(request.CommentPromptEn, MaxQuestion, "commentPromptEn", errors));
        if (texts.CsatQuestionZh is null && texts.NpsQuestionZh is null && !errors.ContainsKey("csatQuestionZh") && !errors.ContainsKey("npsQuestionZh"))
        {
            errors["csatQuestionZh"] = ["A survey asks the CSAT question, the NPS question or both (in Chinese at least)."];
        }

        foreach (var (zh, en, field) in new[] { (texts.CsatQuestionZh, texts.CsatQuestionEn, "csatQuestionZh"), (texts.NpsQuestionZh, texts.NpsQuestionEn, "npsQuestionZh"), (texts.CommentPromptZh, texts.CommentPromptEn, "commentPromptZh") })
        {
            if (zh is null && en is not null)
            {
                errors[field] = ["An English text needs the Chinese one: the Chinese text decides whether the question is asked."];
            }
        }

        if (errors.Count > 0)
        {
            return new EditSurveyResult.Invalid(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (survey is null)
        {
            survey = Survey.Create(texts, request.Active ?? true, now, scope.UserName);
            db.Add(survey);
        }
        else
        {
            survey.Change(texts, request.Active ?? survey.Active, now, scope.UserName);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new EditSurveyResult.Saved(ToResponse(survey));
    }

    public static SurveyResponse ToResponse(Survey s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.TitleZh, s.TitleEn, s.CsatQuestionZh, s.CsatQuestionEn, s.NpsQuestionZh, s.NpsQuestionEn, s.CommentPromptZh, s.CommentPromptEn, s.Active, s.UpdatedAt, s.UpdatedBy);
    }

    private static string? Text(string? value, int max, string field, Dictionary<string, string[]> errors, bool required = false)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required)
        {
            errors[field] = ["Required."];
        }
        else if (text?.Length > max)
        {
            errors[field] = [$"At most {max} characters."];
        }

        return text;
    }
}
