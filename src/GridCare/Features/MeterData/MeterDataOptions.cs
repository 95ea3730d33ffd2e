using System.ComponentModel.DataAnnotations;
using GridCare.Analytics.MeterData.Import;

namespace GridCare.Features.MeterData;

/// <summary>Meter data settings (<c>GridCare:MeterData</c>): the validation thresholds and the background sync.</summary>
public sealed class MeterDataOptions
{
    public const string Section = "GridCare:MeterData";

    /// <summary>A reading above this multiple of the meter's typical power over its last 30 days is a suspect spike.</summary>
    [Range(1.5, 1000)]
    public double SpikeFactor { get; set; } = new VeeSettings().SpikeFactor;

    /// <summary>Readings below this average power (kW) are never spikes.</summary>
    [Range(0, 10_000)]
    public double SpikeFloorKw { get; set; } = new VeeSettings().SpikeFloorKw;

    /// <summary>A reading above this multiple of the contracted capacity (rated kVA for terminals) is implausible.</summary>
    [Range(1, 100)]
    public double ImplausibleCapacityFactor { get; set; } = new VeeSettings().ImplausibleCapacityFactor;

    /// <summary>Minutes an interval may end after now before it counts as a clock error.</summary>
    [Range(0, 1440)]
    public int FutureToleranceMinutes { get; set; } = (int)new VeeSettings().FutureTolerance.TotalMinutes;

    /// <summary>Memory the analytical store may use while importing (DuckDB syntax, e.g. <c>3GB</c>).</summary>
    [Required]
    public string MemoryLimit { get; set; } = new VeeSettings().MemoryLimit;

    /// <summary>Most readings one API request may carry; larger deliveries go through files.</summary>
    [Range(1, 1_000_000)]
    public int MaxApiReadings { get; set; } = 100_000;

    /// <summary>How often the store's copy of the network is checked against the database (seconds).</summary>
    [Range(1, 86_400)]
    public int DirectorySyncSeconds { get; set; } = 60;

    /// <summary>Run the directory sync in the background; tests turn it off and call the use case.</summary>
    public bool BackgroundEnabled { get; set; } = true;

    public VeeSettings Vee => new()
    {
        SpikeFactor = SpikeFactor,
        SpikeFloorKw = SpikeFloorKw,
        ImplausibleCapacityFactor = ImplausibleCapacityFactor,
        FutureTolerance = TimeSpan.FromMinutes(FutureToleranceMinutes),
        MemoryLimit = MemoryLimit,
    };
}
