using GridCare.Features.Surveys;
using GridCare.Platform;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Campaigns;

public abstract record CampaignResult
{
    public sealed record Found(CampaignSummary Campaign) : CampaignResult;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : CampaignResult;

    public sealed record Forbidden(string Reason) : CampaignResult;

    public sealed record NotFound : CampaignResult;
}

/// <summary>Creates a draft campaign of a unit the caller sees; nothing is sent until <see cref="SendCampaign"/>.</summary>
public sealed class CreateCampaign(AppDbContext db, TimeProvider time)
{
    public const int MaxSubject = 60;

    /// <summary>A few SMS long: the text goes out as written, with the opt-out hint after it.</summary>
    public const int MaxText = 300;

    public async Task<CampaignResult> HandleAsync(CampaignRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        if (!CampaignAccess.May(scope))
        {
            return new CampaignResult.Forbidden(CampaignAccess.Refusal);
        }

        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            errors["name"] = ["A name of 1 to 100 characters is required."];
        }

        var unit = request.OrgUnitId ?? scope.OrgUnitId;
        if (!scope.Sees(unit))
        {
            errors["orgUnitId"] = [$"Org unit {unit} is not yours or below yours."];
        }

        var kind = ApiEnums.Parse<CampaignKind>(request.Kind, "kind", errors) ?? CampaignKind.Message;
        CampaignTexts? texts = null;
        if (kind == CampaignKind.Message)
        {
            texts = Texts(request, errors);
        }
        else if (request.SurveyId is not { } surveyId)
        {
            errors["surveyId"] = ["A survey campaign names its survey."];
        }
        else if (!await db.Set<Survey>().AnyAsync(s => s.Id == surveyId && s.Active, cancellationToken))
        {
            errors["surveyId"] = [$"No active survey {surveyId}."];
        }

        var audience = AudienceSpec.Parse(request.Audience, errors);
        if (errors.Count > 0)
        {
            return new CampaignResult.Invalid(errors);
        }

        var campaign = Campaign.Create(
            name!, unit, kind, audience!.ToJson(), texts, kind == CampaignKind.Survey ? request.SurveyId : null, time.GetUtcNow().UtcDateTime, scope.UserName);
        db.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return new CampaignResult.Found(ListCampaigns.Summary(campaign));
    }

    private static CampaignTexts? Texts(CampaignRequest request, Dictionary<string, string[]> errors)
    {
        var textZh = Text(request.TextZh, MaxText, "textZh", errors);
        if (textZh is null && !errors.ContainsKey("textZh"))
        {
            errors["textZh"] = ["The Chinese text is required."];
        }

        var subjectZh = Text(request.SubjectZh, MaxSubject, "subjectZh", errors);
        var subjectEn = Text(request.SubjectEn, MaxSubject, "subjectEn", errors);
        var textEn = Text(request.TextEn, MaxText, "textEn", errors);
        return textZh is null ? null : new CampaignTexts(subjectZh, textZh, subjectEn, textEn);
    }

    private static string? Text(string? value, int max, string field, Dictionary<string, string[]> errors)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text?.Length > max)
        {
            errors[field] = [$"At most {max} characters."];
        }

        return text;
    }
}
