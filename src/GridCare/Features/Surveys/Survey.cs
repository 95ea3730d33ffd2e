namespace GridCare.Features.Surveys;

/// <summary>
/// The questions of a satisfaction survey as an administrator sets them, in Chinese and English: a CSAT question
/// (1–5), an NPS question (0–10) and an optional free-text comment. A question whose Chinese text is empty is not asked;
/// every survey asks CSAT, NPS or both.
/// </summary>
public sealed class Survey
{
    private Survey()
    {
        TitleZh = string.Empty;
        TitleEn = string.Empty;
        UpdatedBy = string.Empty;
    }

    public int Id { get; private set; }

    public string TitleZh { get; private set; }

    public string TitleEn { get; private set; }

    public string? CsatQuestionZh { get; private set; }

    public string? CsatQuestionEn { get; private set; }

    public string? NpsQuestionZh { get; private set; }

    public string? NpsQuestionEn { get; private set; }

    public string? CommentPromptZh { get; private set; }

    public string? CommentPromptEn { get; private set; }

    /// <summary>Inactive surveys are kept for their answers but start no new campaign.</summary>
    public bool Active { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; }

    public bool AsksCsat => CsatQuestionZh is not null;

    public bool AsksNps => NpsQuestionZh is not null;

    public bool AsksComment => CommentPromptZh is not null;

    public static Survey Create(SurveyTexts texts, bool active, DateTime nowUtc, string by)
    {
        var survey = new Survey();
        survey.Change(texts, active, nowUtc, by);
        return survey;
    }

    public void Change(SurveyTexts texts, bool active, DateTime nowUtc, string by)
    {
        ArgumentNullException.ThrowIfNull(texts);
        (TitleZh, TitleEn, CsatQuestionZh, CsatQuestionEn, NpsQuestionZh, NpsQuestionEn, CommentPromptZh, CommentPromptEn) =
            (texts.TitleZh, texts.TitleEn, texts.CsatQuestionZh, texts.CsatQuestionEn, texts.NpsQuestionZh, texts.NpsQuestionEn, texts.CommentPromptZh, texts.CommentPromptEn);
        (Active, UpdatedAt, UpdatedBy) = (active, nowUtc, by);
    }

    /// <summary>The text in the customer's language, the Chinese one when there is no English.</summary>
    public static string? In(bool english, string? zh, string? en) => english && !string.IsNullOrWhiteSpace(en) ? en : zh;
}

/// <summary>Validated survey texts (see <see cref="EditSurvey"/>).</summary>
public sealed record SurveyTexts(
    string TitleZh,
    string TitleEn,
    string? CsatQuestionZh,
    string? CsatQuestionEn,
    string? NpsQuestionZh,
    string? NpsQuestionEn,
    string? CommentPromptZh,
    string? CommentPromptEn);

/// <summary>
/// One customer's invitation to a survey campaign: the hash of the signed link's token, when it expires, and the
/// answers once given. One per campaign and customer; answering again changes nothing.
/// </summary>
public sealed class SurveyInvitation
{
    private SurveyInvitation()
    {
        TokenHash = string.Empty;
    }

    public long Id { get; private set; }

    public long CampaignId { get; private set; }

    public int SurveyId { get; private set; }

    public long CustomerId { get; private set; }

    /// <summary>The customer's org unit when invited: the unit whose CSAT and NPS the answer counts in.</summary>
    public int OrgUnitId { get; private set; }

    public string TokenHash { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    /// <summary>1 (very unsatisfied) to 5 (very satisfied).</summary>
    public int? Csat { get; private set; }

    /// <summary>0 to 10: how likely the customer is to recommend us.</summary>
    public int? Nps { get; private set; }

    public string? Comment { get; private set; }

    public static SurveyInvitation Create(long campaignId, int surveyId, long customerId, int orgUnitId, string tokenHash, DateTime expiresAtUtc, DateTime nowUtc) => new()
    {
        CampaignId = campaignId,
        SurveyId = surveyId,
        CustomerId = customerId,
        OrgUnitId = orgUnitId,
        TokenHash = tokenHash,
        ExpiresAt = expiresAtUtc,
        CreatedAt = nowUtc,
    };

    public void Answer(int? csat, int? nps, string? comment, DateTime nowUtc)
    {
        if (AnsweredAt is not null)
        {
            throw new InvalidOperationException($"Survey invitation {Id} was answered already.");
        }

        (Csat, Nps, Comment, AnsweredAt) = (csat, nps, comment, nowUtc);
    }
}
