using System.Globalization;
using GridCare.Features.Revisits;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Surveys;

/// <summary>
/// Survey links: the revisit links' signed, expiring tokens (<see cref="RevisitLinks"/>, same key and base URL) with a
/// purpose of their own, at <c>/portal/survey/{token}</c>. A revisit token is no survey token and the reverse. A
/// survey token is derived from its campaign and customer (<see cref="RevisitLinks.CreateFor"/>), so the portal can
/// show a signed-in customer the very link of their SMS although only its hash is stored.
/// </summary>
public sealed class SurveyLinks(RevisitLinks links, IOptions<SurveysOptions> options)
{
    private const string Purpose = "gridcare/survey-link/v1";
    private const string Path = "portal/survey/";

    public RevisitLink Create(long campaignId, long customerId, DateTime nowUtc)
    {
        // Whole seconds: the token carries its expiry in Unix seconds, and the invitation stores the same instant.
        var expires = nowUtc + options.Value.LinkLifetime;
        return Of(campaignId, customerId, expires.AddTicks(-(expires.Ticks % TimeSpan.TicksPerSecond)));
    }

    /// <summary>The link of a campaign's invitation to a customer, made again from what the invitation stores.</summary>
    public RevisitLink Of(long campaignId, long customerId, DateTime expiresAtUtc) =>
        links.CreateFor(expiresAtUtc, Purpose, Path, string.Create(CultureInfo.InvariantCulture, $"{campaignId}:{customerId}"));

    public DateTime? ReadExpiry(string? token) => links.ReadExpiry(token, Purpose);
}
