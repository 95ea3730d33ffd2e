using GridCare.Analytics.Network.OpenDss;
using GridCare.Domain.Customers;
using GridCare.Domain.Network;

namespace GridCare.Features.Network;

/// <summary>How many devices and accounts an import created, changed or found as they were.</summary>
internal sealed class ImportOpenDssCounts
{
    public int DevicesCreated { get; set; }

    public int DevicesUpdated { get; set; }

    public int DevicesUnchanged { get; set; }

    public int AccountsCreated { get; set; }

    public int AccountsUpdated { get; set; }

    public int AccountsUnchanged { get; set; }
}

/// <summary>Creates or updates, by code, the devices and accounts of a mapped feeder; the caller adds new rows to the context.</summary>
internal sealed class ImportOpenDssWriter(Dictionary<string, NetworkDevice> existing, int orgUnitId, AreaType areaType)
{
    public ImportOpenDssCounts Counts { get; } = new();

    public NetworkDevice Device(string code) => existing[code];

    public void Put(DssDevice device, NetworkDevice parent, double sourceKv, Func<NetworkDevice, NetworkDevice> add)
    {
        var voltage = device.Kind == DeviceKind.Feeder ? sourceKv : (double?)null;
        if (existing.TryGetValue(device.Code, out var current))
        {
            var same = current.Name == device.Name && current.ParentId == parent.Id && parent.Id != 0 && current.AreaType == areaType
                && current.OrgUnitId == orgUnitId && current.RatedKva == device.RatedKva && current.IsClosed == device.IsClosed
                && (voltage is null || current.VoltageKv == voltage);
            if (same)
            {
                Counts.DevicesUnchanged++;
                return;
            }

            current.Update(device.Name, parent, areaType, orgUnitId, device.RatedKva, voltage ?? current.VoltageKv, device.IsClosed);
            Counts.DevicesUpdated++;
            return;
        }

        add(device.Kind switch
        {
            DeviceKind.Feeder => NetworkDevice.Feeder(parent, device.Code, device.Name, areaType, orgUnitId, sourceKv),
            DeviceKind.Switch => NetworkDevice.Switch(parent, device.Code, device.Name, areaType, orgUnitId, device.IsClosed ?? true),
            DeviceKind.Transformer => NetworkDevice.Transformer(parent, device.Code, device.Name, device.RatedKva ?? 1, areaType, orgUnitId),
            _ => throw new InvalidOperationException($"The mapper does not produce {device.Kind} devices."),
        });
    }

    public NetworkDevice PutMeterAndServicePoint(DssAccount account, Func<NetworkDevice, NetworkDevice> add)
    {
        var transformer = existing[account.TransformerCode];
        var address = $"{account.LoadName} @ bus {account.Bus}";
        if (existing.TryGetValue(account.MeterCode, out var meter))
        {
            if (meter.ParentId == transformer.Id && transformer.Id != 0 && meter.OrgUnitId == orgUnitId && meter.AreaType == areaType)
            {
                Counts.DevicesUnchanged++;
            }
            else
            {
                meter.Update(meter.Name, transformer, areaType, orgUnitId, null, null, null);
                Counts.DevicesUpdated++;
            }
        }
        else
        {
            meter = add(NetworkDevice.Meter(transformer, account.MeterCode, account.Phases));
        }

        if (existing.TryGetValue(account.ServicePointCode, out var servicePoint))
        {
            if (servicePoint.ParentId == meter.Id && meter.Id != 0 && servicePoint.Name == address && servicePoint.OrgUnitId == orgUnitId && servicePoint.AreaType == areaType)
            {
                Counts.DevicesUnchanged++;
            }
            else
            {
                servicePoint.Update(address, meter, areaType, orgUnitId, null, null, null);
                Counts.DevicesUpdated++;
            }

            return servicePoint;
        }

        return add(NetworkDevice.ServicePoint(meter, account.ServicePointCode, address));
    }

    public void PutCustomer(DssAccount account, NetworkDevice servicePoint, Customer? customer, Action<Customer> add)
    {
        var tariff = account.Category switch
        {
            CustomerCategory.Residential => "RES-TIERED",
            CustomerCategory.Industrial => "IND-TWO-PART",
            _ => "COM-SINGLE",
        };
        var details = new CustomerDetails(
            account.AccountNumber, account.LoadName, customer?.Phone, customer?.IdNumber, servicePoint.Name, account.Category,
            account.ContractedKva, tariff, customer?.IsImportant ?? false, customer?.IsSensitive ?? false);
        if (customer is null)
        {
            add(Customer.Open(details, servicePoint));
            Counts.AccountsCreated++;
        }
        else if (customer.Matches(details, servicePoint.Id) && servicePoint.Id != 0)
        {
            Counts.AccountsUnchanged++;
        }
        else
        {
            customer.Apply(details);
            customer.AttachTo(servicePoint);
            Counts.AccountsUpdated++;
        }
    }
}
