using System.ComponentModel.DataAnnotations;

namespace GridCare.Features.Intake;

/// <summary>How this instance takes contacts in (ADR 0011).</summary>
public sealed class IntakeOptions
{
    public const string Section = "GridCare:Intake";

    /// <summary>
    /// Batches this instance saves side by side on PostgreSQL; SQLite always uses one, having a single write lock.
    /// Default 1: with the database on the same few cores, a second writer only halves the batches and doubles their
    /// fixed cost (docs/benchmarks.md). More help when the database is on another host and round trips dominate.
    /// </summary>
    [Range(1, 16)]
    public int Writers { get; set; } = 1;

    /// <summary>
    /// Work order numbers this instance reserves at a time per bureau and day. Numbers reserved but not used when the
    /// instance stops are never given out: the day's sequence then has a gap. Default 50.
    /// </summary>
    [Range(1, 10_000)]
    public int NumberBlock { get; set; } = 50;
}
