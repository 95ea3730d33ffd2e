using System.ComponentModel.DataAnnotations;

namespace GridCare.Features.Network;

/// <summary>Settings of the network features.</summary>
public sealed class NetworkOptions
{
    public const string Section = "GridCare:Network";

    /// <summary>
    /// How often, at most, an instance checks whether another instance changed the network (one primary-key read of
    /// the revision row). Changes made by this instance are seen at once. Default 10 seconds.
    /// </summary>
    [Range(0, 3600)]
    public int TopologyRefreshSeconds { get; set; } = 10;
}
