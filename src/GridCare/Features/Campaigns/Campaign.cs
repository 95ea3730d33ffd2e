namespace GridCare.Features.Campaigns;

public enum CampaignKind
{
    /// <summary>A message the analyst writes, in Chinese and English.</summary>
    Message,

    /// <summary>An invitation to a CSAT/NPS survey with a signed link per customer.</summary>
    Survey,
}

public enum CampaignStatus
{
    Draft,

    /// <summary>Its messages are in the outbox (the dispatcher delivers them); sending again changes nothing.</summary>
    Sent,
}

/// <summary>
/// A targeted campaign of an org unit: to whom (<see cref="Audience"/>, the rule that picks the customers, resolved
/// when it is sent), what (a message, or a survey invitation) and what came of it (the outbox rows of event
/// <see cref="EventKey"/>, the replies and the survey answers).
/// </summary>
public sealed class Campaign
{
    private Campaign()
    {
        Name = string.Empty;
        Audience = string.Empty;
        CreatedBy = string.Empty;
    }

    public long Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The unit the campaign belongs to; its audience is that unit's customers and those of the units below.</summary>
    public int OrgUnitId { get; private set; }

    public CampaignKind Kind { get; private set; }

    public CampaignStatus Status { get; private set; }

    /// <summary>The audience rule as JSON (<see cref="AudienceSpec"/>).</summary>
    public string Audience { get; private set; }

    public string? SubjectZh { get; private set; }

    public string? TextZh { get; private set; }

    public string? SubjectEn { get; private set; }

    public string? TextEn { get; private set; }

    /// <summary>The survey's questions, for a survey campaign.</summary>
    public int? SurveyId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTime? SentAt { get; private set; }

    public string? SentBy { get; private set; }

    /// <summary>Customers the audience held when the campaign was sent.</summary>
    public int Recipients { get; private set; }

    /// <summary>Guards against two sends at once: the second save fails and finds the campaign sent.</summary>
    public int Version { get; private set; }

    /// <summary>The outbox event of the campaign's messages: one message per customer and channel, ever.</summary>
    public string EventKey => EventKeyOf(Id);

    public const string EventKeyPrefix = "campaign:";

    public static string EventKeyOf(long id) => EventKeyPrefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Campaign Create(
        string name, int orgUnitId, CampaignKind kind, string audience, CampaignTexts? texts, int? surveyId, DateTime nowUtc, string createdBy) => new()
        {
            Name = name,
            OrgUnitId = orgUnitId,
            Kind = kind,
            Status = CampaignStatus.Draft,
            Audience = audience,
            SubjectZh = texts?.SubjectZh,
            TextZh = texts?.TextZh,
            SubjectEn = texts?.SubjectEn,
            TextEn = texts?.TextEn,
            SurveyId = surveyId,
            CreatedAt = nowUtc,
            CreatedBy = createdBy,
        };

    public void MarkSent(int recipients, DateTime nowUtc, string sentBy)
    {
        if (Status != CampaignStatus.Draft)
        {
            throw new InvalidOperationException($"Campaign {Id} was sent already.");
        }

        (Status, Recipients, SentAt, SentBy) = (CampaignStatus.Sent, recipients, nowUtc, sentBy);
        Version++;
    }
}

/// <summary>A message campaign's texts; English ones fall back to the Chinese when absent.</summary>
public sealed record CampaignTexts(string? SubjectZh, string TextZh, string? SubjectEn, string? TextEn);

public enum CampaignResponseKind
{
    /// <summary>An SMS reply to the campaign's message.</summary>
    Reply,

    /// <summary>An SMS reply asking for no more campaigns (TD, 退订).</summary>
    OptOut,
}

/// <summary>What a customer answered to a campaign by SMS; survey answers are kept on their invitations.</summary>
public sealed class CampaignResponse
{
    private CampaignResponse()
    {
        Text = string.Empty;
    }

    public long Id { get; private set; }

    public long CampaignId { get; private set; }

    public long CustomerId { get; private set; }

    public int OrgUnitId { get; private set; }

    public CampaignResponseKind Kind { get; private set; }

    public string Text { get; private set; }

    /// <summary>The gateway's id of the inbound SMS: a reply the gateway posts twice is stored once.</summary>
    public string? ReplyId { get; private set; }

    public DateTime ReceivedAt { get; private set; }

    public static CampaignResponse Create(long campaignId, long customerId, int orgUnitId, CampaignResponseKind kind, string text, string? replyId, DateTime receivedAtUtc) => new()
    {
        CampaignId = campaignId,
        CustomerId = customerId,
        OrgUnitId = orgUnitId,
        Kind = kind,
        Text = text,
        ReplyId = replyId,
        ReceivedAt = receivedAtUtc,
    };
}
