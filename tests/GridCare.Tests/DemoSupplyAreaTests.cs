using GridCare.Domain.Network;
using GridCare.Features.Demo;

namespace GridCare.Tests;

public class DemoSupplyAreaTests
{
    [Fact]
    public void County_HasTheDocumentedShape_AndEveryCustomerHasAFullPath()
    {
        var (devices, customers) = Generate(DemoSize.County, 20261127);

        Assert.Equal(30_000, customers.Count);
        Assert.Equal(3, devices.Count(d => d.Kind == DeviceKind.Substation));
        Assert.Equal(24, devices.Count(d => d.Kind == DeviceKind.Feeder));
        Assert.Equal(600, devices.Count(d => d.Kind == DeviceKind.Transformer));
        Assert.All(customers, c =>
        {
            var kinds = new List<DeviceKind>();
            for (var device = c.ServicePoint; device is not null; device = device.Parent)
            {
                kinds.Add(device.Kind);
            }

            Assert.Equal([DeviceKind.ServicePoint, DeviceKind.Meter, DeviceKind.Transformer], kinds[..3]);
            Assert.Equal([DeviceKind.Feeder, DeviceKind.Substation], kinds[^2..]);
        });
    }

    [Fact]
    public void County_HasTheRealMixOfCategoriesAreasAndFlags()
    {
        var (_, customers) = Generate(DemoSize.County, 20261127);

        double Share(Func<GridCare.Domain.Customers.Customer, bool> predicate) => customers.Count(predicate) / (double)customers.Count;
        Assert.InRange(Share(c => c.Category == GridCare.Domain.Customers.CustomerCategory.Residential), 0.85, 0.93);
        Assert.InRange(Share(c => c.AreaType == AreaType.Urban), 0.3, 0.5);
        Assert.True(customers.Count(c => c.AreaType == AreaType.Remote) > 1_000);
        Assert.InRange(customers.Count(c => c.IsImportant), 20, 300);
        Assert.InRange(customers.Count(c => c.IsSensitive), 100, 800);
        Assert.Equal(customers.Count, customers.Select(c => c.AccountNumber).Distinct().Count());
    }

    [Fact]
    public void SameSeed_GivesTheSameArea_OtherSeed_Differs()
    {
        var first = Generate(DemoSize.Small, 7).Customers.Select(c => (c.AccountNumber, c.Name, c.Phone)).ToList();
        var again = Generate(DemoSize.Small, 7).Customers.Select(c => (c.AccountNumber, c.Name, c.Phone)).ToList();
        var other = Generate(DemoSize.Small, 8).Customers.Select(c => (c.AccountNumber, c.Name, c.Phone)).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    private static (List<NetworkDevice> Devices, List<GridCare.Domain.Customers.Customer> Customers) Generate(DemoSize size, int seed)
    {
        var area = new DemoSupplyArea(size, seed);
        var organization = area.CreateOrganization();
        var id = 1;
        foreach (var unit in organization.All)
        {
            // The seeder saves org units before it generates networks; stand in for the database's ids.
            typeof(GridCare.Domain.Organization.OrgUnit).GetProperty("Id")!.SetValue(unit, id++);
        }

        var devices = new List<NetworkDevice>();
        var customers = new List<GridCare.Domain.Customers.Customer>();
        foreach (var county in organization.Counties)
        {
            var generated = area.CreateCounty(county);
            devices.AddRange(generated.Devices);
            customers.AddRange(generated.Customers);
        }

        return (devices, customers);
    }
}
