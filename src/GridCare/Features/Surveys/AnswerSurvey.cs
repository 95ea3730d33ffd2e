using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Surveys;

public enum SurveyLinkState
{
    /// <summary>The link opens the survey.</summary>
    Valid,

    /// <summary>Not a survey link GridCare made (forged, edited, cut off), or its invitation no longer exists.</summary>
    Unknown,

    Expired,

    /// <summary>Answered already: the thanks page again, nothing changes.</summary>
    Answered,
}

/// <summary>What the survey page shows: the state, and for a valid link the questions in the customer's language.</summary>
public sealed record SurveyLinkView(
    SurveyLinkState State, string? Title, string? CsatQuestion, string? NpsQuestion, string? CommentPrompt, DateTime? ExpiresAt);

/// <summary>What the customer chose; the page turns its fields into these.</summary>
public sealed record SurveyAnswerInput(int? Csat, int? Nps, string? Comment);

public abstract record AnswerSurveyResult
{
    public sealed record Answered : AnswerSurveyResult;

    /// <summary>Errors by field (<c>csat</c>, <c>nps</c>, <c>comment</c>) as message keys of <c>SurveyStrings</c>.</summary>
    public sealed record Invalid(Dictionary<string, string> Errors) : AnswerSurveyResult;

    public sealed record NotOpen(SurveyLinkState State) : AnswerSurveyResult;
}

/// <summary>
/// A survey answered through its signed link (<c>/portal/survey/{token}</c>) without signing in. The token stands in
/// for the customer; it works until it expires, and once: a second answer (a double tap, a resent form) is answered
/// with the thanks page and changes nothing.
/// </summary>
public sealed class AnswerSurvey(AppDbContext db, SurveyLinks links, TimeProvider time)
{
    public const int MaxComment = 500;

    public async Task<SurveyLinkView> ReadAsync(string token, bool english, CancellationToken cancellationToken)
    {
        var (state, invitation) = await FindAsync(token, cancellationToken);
        if (invitation is null || state != SurveyLinkState.Valid)
        {
            return new SurveyLinkView(state, null, null, null, null, invitation?.ExpiresAt);
        }

        var s = await db.Set<Survey>().AsNoTracking().FirstAsync(x => x.Id == invitation.SurveyId, cancellationToken);
        return new SurveyLinkView(
            state,
            Survey.In(english, s.TitleZh, s.TitleEn),
            s.AsksCsat ? Survey.In(english, s.CsatQuestionZh, s.CsatQuestionEn) : null,
            s.AsksNps ? Survey.In(english, s.NpsQuestionZh, s.NpsQuestionEn) : null,
            s.AsksComment ? Survey.In(english, s.CommentPromptZh, s.CommentPromptEn) : null,
            invitation.ExpiresAt);
    }

    public async Task<AnswerSurveyResult> AnswerAsync(string token, SurveyAnswerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (state, invitation) = await FindAsync(token, cancellationToken);
        if (state == SurveyLinkState.Answered)
        {
            return new AnswerSurveyResult.Answered();
        }

        if (state != SurveyLinkState.Valid)
        {
            return new AnswerSurveyResult.NotOpen(state);
        }

        var survey = await db.Set<Survey>().AsNoTracking().FirstAsync(x => x.Id == invitation!.SurveyId, cancellationToken);
        var errors = new Dictionary<string, string>();
        if (survey.AsksCsat && input.Csat is not (>= 1 and <= 5))
        {
            errors["csat"] = "Error_Csat";
        }

        if (survey.AsksNps && input.Nps is not (>= 0 and <= 10))
        {
            errors["nps"] = "Error_Nps";
        }

        var comment = survey.AsksComment && !string.IsNullOrWhiteSpace(input.Comment) ? input.Comment.Trim() : null;
        if (comment?.Length > MaxComment)
        {
            errors["comment"] = "Error_Comment";
        }

        if (errors.Count > 0)
        {
            return new AnswerSurveyResult.Invalid(errors);
        }

        invitation!.Answer(survey.AsksCsat ? input.Csat : null, survey.AsksNps ? input.Nps : null, comment, time.GetUtcNow().UtcDateTime);

        // Only an unanswered row is written: two posts at once both pass the check above, and the later one then
        // updates nothing and is answered like a repeat.
        await db.Set<SurveyInvitation>().Where(i => i.Id == invitation.Id && i.AnsweredAt == null).ExecuteUpdateAsync(
            s => s.SetProperty(i => i.AnsweredAt, invitation.AnsweredAt).SetProperty(i => i.Csat, invitation.Csat)
                .SetProperty(i => i.Nps, invitation.Nps).SetProperty(i => i.Comment, invitation.Comment),
            cancellationToken);
        return new AnswerSurveyResult.Answered();
    }

    private async Task<(SurveyLinkState State, SurveyInvitation? Invitation)> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (links.ReadExpiry(token) is not { } expiresAt)
        {
            return (SurveyLinkState.Unknown, null);
        }

        var hash = Revisits.RevisitLinks.Hash(token);
        var invitation = await db.Set<SurveyInvitation>().AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var state = invitation switch
        {
            null => SurveyLinkState.Unknown,
            { AnsweredAt: not null } => SurveyLinkState.Answered,
            _ when now >= expiresAt || now >= invitation.ExpiresAt => SurveyLinkState.Expired,
            _ => SurveyLinkState.Valid,
        };
        return (state, invitation);
    }
}
