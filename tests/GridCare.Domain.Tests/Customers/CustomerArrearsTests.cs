using GridCare.Domain.Customers;
using GridCare.Domain.Network;

namespace GridCare.Domain.Tests.Customers;

public class CustomerArrearsTests
{
    private static readonly DateTime Cut = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void DisconnectThenPay_IsReconnectionPending_ThenReconnect_IsConnected()
    {
        var customer = Open();
        customer.RecordArrears(356.404m, Cut.AddDays(-60));

        customer.DisconnectForArrears(Cut);
        var disconnected = (customer.ReconnectionStatus, customer.ArrearsYuan);
        customer.PayArrears(Cut.AddDays(2));
        var paid = (customer.ReconnectionStatus, customer.ArrearsYuan, customer.ArrearsSince, customer.ArrearsPaidAt);
        customer.Reconnect();

        Assert.Equal((ReconnectionStatus.DisconnectedForArrears, 356.40m), disconnected);
        Assert.Equal((ReconnectionStatus.ReconnectionPending, 0m, (DateTime?)null, (DateTime?)Cut.AddDays(2)), paid);
        Assert.Equal(ReconnectionStatus.Connected, customer.ReconnectionStatus);
        Assert.Null(customer.ArrearsDisconnectedAt);
    }

    [Fact]
    public void PayArrears_WhileConnected_ClearsTheAmount_AndStartsNoReconnection()
    {
        var customer = Open();
        customer.RecordArrears(88m, Cut);

        customer.PayArrears(Cut.AddDays(1));

        Assert.Equal((0m, ReconnectionStatus.Connected, (DateTime?)null), (customer.ArrearsYuan, customer.ReconnectionStatus, customer.ArrearsPaidAt));
    }

    [Fact]
    public void ApplyArrears_PaymentWithoutCut_Fails_NegativeAmount_Fails()
    {
        var customer = Open();

        Assert.Throws<DomainRuleException>(() => customer.ApplyArrears(new ArrearsRecord(0m, null, null, Cut)));
        Assert.Throws<DomainRuleException>(() => customer.ApplyArrears(new ArrearsRecord(-1m, null, null, null)));
        Assert.Throws<DomainRuleException>(() => customer.ApplyArrears(new ArrearsRecord(0m, null, Cut, Cut.AddHours(-1))));
    }

    [Fact]
    public void ApplyArrears_ReplacesTheState_AndNoneReconnects()
    {
        var customer = Open();
        var record = new ArrearsRecord(120.5m, Cut.AddDays(-40), Cut, null);

        customer.ApplyArrears(record);
        var applied = customer.Arrears;
        customer.ApplyArrears(ArrearsRecord.None);

        Assert.Equal(record, applied);
        Assert.Equal(ArrearsRecord.None, customer.Arrears);
        Assert.Equal(ReconnectionStatus.Connected, customer.ReconnectionStatus);
    }

    private static Customer Open()
    {
        var substation = NetworkDevice.Substation("S", "羊场35kV变电站", 35, AreaType.Rural, 3);
        var feeder = NetworkDevice.Feeder(substation, "F", "10kV羊场Ⅰ回线", AreaType.Rural, 4);
        var transformer = NetworkDevice.Transformer(feeder, "T", "红星村1号公变", 200, AreaType.Rural, 4);
        var meter = NetworkDevice.Meter(transformer, "3010000000001");
        var details = new CustomerDetails("0110000001", "王伟", "13812345678", null, "大方县人民路1号", CustomerCategory.Residential, 8, "RES-TIERED", false, false);
        return Customer.Open(details, NetworkDevice.ServicePoint(meter, "SP", "大方县羊场镇红星村1组1号"));
    }
}
