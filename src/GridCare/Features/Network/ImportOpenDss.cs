using GridCare.Analytics.Network.OpenDss;
using GridCare.Domain;
using GridCare.Domain.Network;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Network;

/// <param name="MasterPath">The script to compile (it may <c>Redirect</c> to others).</param>
/// <param name="SubstationCode">The substation above the feeder: an existing one, or created with this code (default <c>{feeder}-S</c>).</param>
/// <param name="OrgUnitCode">The org unit operating everything imported (default: the root of the org tree).</param>
/// <param name="FeederCode">The feeder's code and the prefix of every code (default: the circuit name).</param>
/// <param name="AreaType">The area type of the devices and accounts.</param>
public sealed record ImportOpenDssRequest(string MasterPath, string? SubstationCode = null, string? OrgUnitCode = null, string? FeederCode = null, AreaType AreaType = AreaType.Urban);

public sealed record ImportOpenDssReport(
    string Feeder, string Substation, int DevicesCreated, int DevicesUpdated, int DevicesUnchanged,
    int AccountsCreated, int AccountsUpdated, int AccountsUnchanged, int Switches, int Transformers, int VirtualTransformers, IReadOnlyList<string> Notes);

/// <summary>The report, or why nothing was imported (a file and line for what could not be read).</summary>
public sealed record ImportOpenDssResult(ImportOpenDssReport? Report, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Imports one OpenDSS feeder (<see cref="DssFeederMapper"/> decides the mapping) into the network and the
/// accounts: all or nothing, in one transaction. Codes come from the element names, so importing the same files
/// again updates the same devices and accounts in place. Accounts keep what the files do not carry (phone, ID
/// number, important and sensitive flags) when they are updated.
/// </summary>
public sealed class ImportOpenDss(AppDbContext db, NetworkTopologyCache topology, TimeProvider time)
{
    public async Task<ImportOpenDssResult> HandleAsync(ImportOpenDssRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        DssFeeder feeder;
        try
        {
            var circuit = DssCircuit.Load(request.MasterPath);
            feeder = DssFeederMapper.Map(circuit, request.FeederCode ?? circuit.Name!);
        }
        catch (DssFormatException error)
        {
            return new(null, error.Message);
        }

        var orgUnit = request.OrgUnitCode is { } orgCode
            ? await db.OrgUnits.AsNoTracking().Where(u => u.Code == orgCode).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken)
            : await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.Id).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);
        if (orgUnit is not { } orgUnitId)
        {
            return new(null, request.OrgUnitCode is null ? "there are no org units; import them first" : $"--org-unit: no org unit '{request.OrgUnitCode}'");
        }

        var prefix = feeder.Feeder.Code;
        var substationCode = request.SubstationCode ?? $"{prefix}-S";
        var existing = await db.NetworkDevices
            .Where(d => d.Code == prefix || d.Code.StartsWith(prefix + "-") || d.Code == substationCode)
            .ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, cancellationToken);
        var clash = feeder.Devices.Select(d => (d.Code, d.Kind))
            .Concat(feeder.Accounts.SelectMany(a => new[] { (a.MeterCode, DeviceKind.Meter), (a.ServicePointCode, DeviceKind.ServicePoint) }))
            .Append((substationCode, DeviceKind.Substation))
            .FirstOrDefault(d => existing.TryGetValue(d.Item1, out var device) && device.Kind != d.Item2);
        if (clash.Item1 is not null)
        {
            return new(null, $"device '{clash.Item1}' exists as a {existing[clash.Item1].Kind}, not a {clash.Item2}; the kind of a device cannot change");
        }

        var writer = new ImportOpenDssWriter(existing, orgUnitId, request.AreaType);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var substation = existing.GetValueOrDefault(substationCode)
                ?? Add(NetworkDevice.Substation(substationCode, $"{feeder.CircuitName} substation", feeder.SourceKv, request.AreaType, orgUnitId));
            foreach (var device in feeder.Devices)
            {
                var parent = device.ParentCode is null ? substation : writer.Device(device.ParentCode);
                writer.Put(device, parent, feeder.SourceKv, Add);
            }

            var customers = await db.Customers.Where(c => c.AccountNumber.StartsWith(prefix + "-"))
                .ToDictionaryAsync(c => c.AccountNumber, StringComparer.Ordinal, cancellationToken);
            foreach (var account in feeder.Accounts)
            {
                var servicePoint = writer.PutMeterAndServicePoint(account, Add);
                writer.PutCustomer(account, servicePoint, customers.GetValueOrDefault(account.AccountNumber), c => db.Customers.Add(c));
            }
        }
        catch (DomainRuleException error)
        {
            return new(null, error.Message);
        }

        await db.SaveChangesAsync(cancellationToken);
        await NetworkRevision.RaiseAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        topology.Invalidate();
        await DatabaseStatistics.RefreshAsync(db, cancellationToken);

        var c = writer.Counts;
        return new(new ImportOpenDssReport(
            prefix, substationCode, c.DevicesCreated, c.DevicesUpdated, c.DevicesUnchanged, c.AccountsCreated, c.AccountsUpdated, c.AccountsUnchanged,
            feeder.Devices.Count(d => d.Kind == DeviceKind.Switch), feeder.Devices.Count(d => d.Kind == DeviceKind.Transformer), feeder.VirtualTransformers,
            feeder.Notes), null);

        NetworkDevice Add(NetworkDevice device)
        {
            db.NetworkDevices.Add(device);
            existing[device.Code] = device;
            writer.Counts.DevicesCreated++;
            return device;
        }
    }
}
