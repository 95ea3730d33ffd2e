using GridCare.Features.Revisits;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Surveys;

/// <summary>
/// Survey links: the revisit links' signed, expiring tokens (<see cref="RevisitLinks"/>, same key and base URL) with a
/// purpose of their own, at <c>/portal/survey/{token}</c>. A revisit token is no survey token and the reverse.
/// </summary>
public sealed class SurveyLinks(RevisitLinks links, IOptions<SurveysOptions> options)
{
    private const string Purpose = "gridcare/survey-link/v1";

    public RevisitLink Create(DateTime nowUtc)
    {
        // Whole seconds: the token carries its expiry in Unix seconds, and the invitation stores the same instant.
        var expires = nowUtc + options.Value.LinkLifetime;
        return links.Create(expires.AddTicks(-(expires.Ticks % TimeSpan.TicksPerSecond)), Purpose, "portal/survey/");
    }

    public DateTime? ReadExpiry(string? token) => links.ReadExpiry(token, Purpose);
}
