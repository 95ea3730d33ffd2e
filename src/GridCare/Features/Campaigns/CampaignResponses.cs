namespace GridCare.Features.Campaigns;

/// <summary>A new campaign: <c>kind</c> message (the texts) or survey (<c>surveyId</c>), and its audience.</summary>
public sealed record CampaignRequest(
    string? Name,
    int? OrgUnitId,
    string? Kind,
    string? SubjectZh,
    string? TextZh,
    string? SubjectEn,
    string? TextEn,
    int? SurveyId,
    AudienceRequest? Audience);

/// <summary>The audience of an unsaved rule, for a look before creating the campaign.</summary>
public sealed record AudiencePreviewRequest(int? OrgUnitId, AudienceRequest? Audience);

/// <summary>One customer of an audience; the phone masked for roles that do not call customers.</summary>
public sealed record AudienceCustomer(long CustomerId, string AccountNumber, string Name, string? Phone, int OrgUnitId, bool OptedOut);

/// <param name="Total">Customers the rule picks now.</param>
/// <param name="OptedOut">Of those, customers who take no campaigns (or only emergencies): they will be skipped.</param>
/// <param name="Customers">The first customers by id.</param>
public sealed record AudiencePreview(int Total, int OptedOut, IReadOnlyList<AudienceCustomer> Customers);

public sealed record CampaignSummary(
    long Id, string Name, int OrgUnitId, string Kind, string Status, int? SurveyId, DateTime CreatedAt, string CreatedBy, DateTime? SentAt, int Recipients);

/// <summary>What the outbox did with one channel's messages.</summary>
public sealed record ChannelResults(string Channel, int Messages, int Pending, int Sent, int Delivered, int Read, int Failed, int Skipped);

/// <summary>
/// A campaign's results, counted per customer: <c>Sent</c> customers got at least one message out, <c>Delivered</c> and
/// <c>Read</c> where a gateway reported it; <c>SkippedOptedOut</c> and <c>SkippedNoChannel</c> got none (opted out, or no
/// address on any of their channels); <c>Responses</c> are SMS replies and survey answers.
/// </summary>
public sealed record CampaignResults(
    CampaignSummary Campaign,
    AudienceSpec Audience,
    int Recipients,
    int Pending,
    int Sent,
    int Delivered,
    int Read,
    int Failed,
    int SkippedOptedOut,
    int SkippedNoChannel,
    int Responses,
    int Replies,
    int OptOuts,
    int SurveyAnswers,
    double? Csat,
    double? Nps,
    IReadOnlyList<ChannelResults> Channels);
