using System.ComponentModel.DataAnnotations;

namespace GridCare.Features.Surveys;

/// <summary>Settings under <c>GridCare:Surveys</c>. The links are signed with the revisit links' key and base URL (<c>GridCare:Revisits</c>).</summary>
public sealed class SurveysOptions
{
    public const string Section = "GridCare:Surveys";

    /// <summary>How long a survey invitation's link opens the survey. Default 14 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(14);
}
