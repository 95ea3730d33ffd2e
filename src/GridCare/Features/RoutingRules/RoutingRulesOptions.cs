using System.ComponentModel.DataAnnotations;

namespace GridCare.Features.RoutingRules;

/// <summary>How routing rules are applied at intake.</summary>
public sealed class RoutingRulesOptions
{
    public const string Section = "GridCare:RoutingRules";

    /// <summary>
    /// Intake reads the rules from memory and reloads them after this many seconds, so an edit made on another app
    /// instance applies there within it (an edit applies at once on the instance that made it). Default 30.
    /// </summary>
    [Range(1, 3600)]
    public int ReloadSeconds { get; set; } = 30;
}
