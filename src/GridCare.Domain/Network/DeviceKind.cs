namespace GridCare.Domain.Network;

/// <summary>The kinds of device on the path 站—线—变—表—户, top down.</summary>
public enum DeviceKind
{
    Substation,
    Feeder,
    Switch,
    Transformer,
    Meter,
    ServicePoint,
}
