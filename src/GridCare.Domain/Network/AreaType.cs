namespace GridCare.Domain.Network;

/// <summary>城区 / 农村 / 特殊边远: the area type selects the repair time limits of the service commitments.</summary>
public enum AreaType
{
    Urban,
    Rural,
    Remote,
}
