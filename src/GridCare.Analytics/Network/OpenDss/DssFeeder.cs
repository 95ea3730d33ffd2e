using GridCare.Domain.Customers;
using GridCare.Domain.Network;

namespace GridCare.Analytics.Network.OpenDss;

/// <summary>A device of the mapped tree; <see cref="ParentCode"/> is null for the feeder (the importer puts it under the substation).</summary>
public sealed record DssDevice(string Code, DeviceKind Kind, string Name, string? ParentCode, bool? IsClosed, int? RatedKva, string Source);

/// <summary>One load as an account: its meter and service point codes and the transformer they hang from.</summary>
public sealed record DssAccount(
    string AccountNumber, string LoadName, string Bus, string TransformerCode, string MeterCode, string ServicePointCode,
    int Phases, double Kw, decimal ContractedKva, CustomerCategory Category, string Source);

/// <summary>The feeder as GridCare's tree, with what the mapping had to decide, for the import report.</summary>
public sealed record DssFeeder(
    string CircuitName, double SourceKv, string SourceBus, IReadOnlyList<DssDevice> Devices, IReadOnlyList<DssAccount> Accounts, IReadOnlyList<string> Notes)
{
    public DssDevice Feeder => Devices[0];

    public int VirtualTransformers => Devices.Count(d => d.Kind == DeviceKind.Transformer && d.Source == DssFeederMapper.VirtualSource);
}
