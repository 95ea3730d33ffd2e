using GridCare.Domain.Customers;
using GridCare.Domain.Network;
using GridCare.Domain.Staff;

namespace GridCare.Domain.Tests.Customers;

public class CustomerTests
{
    private static readonly NetworkDevice ServicePoint = CreateServicePoint();

    private static readonly CustomerDetails Details = new(
        "0110000001", "王伟", "13812345678", "520521198001011234", "大方县人民路1号", CustomerCategory.Residential, 8, "RES-TIERED",
        IsImportant: false, IsSensitive: true);

    [Fact]
    public void Open_AtServicePoint_TakesItsOrgUnitAndArea()
    {
        var customer = Customer.Open(Details, ServicePoint);

        Assert.Equal(4, customer.OrgUnitId);
        Assert.Equal(AreaType.Rural, customer.AreaType);
        Assert.True(customer.IsSensitive);
    }

    [Fact]
    public void Open_AtTransformer_Fails()
    {
        var transformer = ServicePoint.Parent!.Parent!;
        Assert.Throws<DomainRuleException>(() => Customer.Open(Details, transformer));
    }

    [Fact]
    public void Apply_WithAnotherAccountNumber_Fails()
    {
        var customer = Customer.Open(Details, ServicePoint);
        Assert.Throws<DomainRuleException>(() => customer.Apply(Details with { AccountNumber = "0110000002" }));
    }

    [Fact]
    public void Matches_SameDetails_IsTrue_ChangedPhone_IsFalse()
    {
        var customer = Customer.Open(Details, ServicePoint);

        Assert.True(customer.Matches(Details, ServicePoint.Id));
        Assert.False(customer.Matches(Details with { Phone = "13900000000" }, ServicePoint.Id));
    }

    [Fact]
    public void Open_WithNegativeCapacity_Fails()
    {
        Assert.Throws<DomainRuleException>(() => Customer.Open(Details with { ContractedCapacityKva = -1 }, ServicePoint));
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("0857-1234567", "085*****4567")]
    [InlineData("12345", "*****")]
    [InlineData(null, null)]
    public void MaskPhone_KeepsFirstThreeAndLastFour(string? phone, string? masked)
    {
        Assert.Equal(masked, PersonalData.MaskPhone(phone));
    }

    [Fact]
    public void MaskIdNumber_KeepsFirstAndLastFour()
    {
        Assert.Equal("5205**********1234", PersonalData.MaskIdNumber("520521198001011234"));
    }

    [Fact]
    public void PersonalDataAccess_AnalystSeesMaskedPhone_AgentSeesFullPhoneAndId()
    {
        Assert.Equal("138****5678", PersonalDataAccess.Phone("13812345678", [StaffRole.Analyst]));
        Assert.Equal("13812345678", PersonalDataAccess.Phone("13812345678", [StaffRole.Crew]));
        Assert.Equal("520521198001011234", PersonalDataAccess.IdNumber("520521198001011234", [StaffRole.Agent]));
        Assert.Equal("5205**********1234", PersonalDataAccess.IdNumber("520521198001011234", [StaffRole.Dispatcher, StaffRole.Manager]));
    }

    private static NetworkDevice CreateServicePoint()
    {
        var substation = NetworkDevice.Substation("S", "羊场35kV变电站", 35, AreaType.Rural, 3);
        var feeder = NetworkDevice.Feeder(substation, "F", "10kV羊场Ⅰ回线", AreaType.Rural, 4);
        var transformer = NetworkDevice.Transformer(feeder, "T", "红星村1号公变", 200, AreaType.Rural, 4);
        var meter = NetworkDevice.Meter(transformer, "3010000000001");
        return NetworkDevice.ServicePoint(meter, "SP", "大方县羊场镇红星村1组1号");
    }
}
