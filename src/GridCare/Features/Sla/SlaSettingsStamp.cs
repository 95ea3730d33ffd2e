namespace GridCare.Features.Sla;

/// <summary>
/// The one row that says which revision of the SLA settings (calendar days and policies) is current. Every edit
/// raises <see cref="Revision"/> in the transaction that saves it; each app instance polls this row and reloads its
/// settings when the number moved, and orders timed by an older revision are re-timed.
/// </summary>
public sealed class SlaSettingsStamp
{
    /// <summary>The key of the only row.</summary>
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;

    public int Revision { get; private set; }

    public DateTime? ChangedAt { get; private set; }

    public string? ChangedBy { get; private set; }

    /// <summary>When the shipped default policies were stored; null until then.</summary>
    public DateTime? DefaultsSeededAt { get; private set; }
}
