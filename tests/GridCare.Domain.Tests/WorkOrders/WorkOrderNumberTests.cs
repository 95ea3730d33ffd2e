using GridCare.Domain.Tests.Sla;
using GridCare.Domain.WorkOrders;

namespace GridCare.Domain.Tests.WorkOrders;

public class WorkOrderNumberTests
{
    [Fact]
    public void For_ReceivedAt1730Utc_IsTheNextChinaDay()
    {
        var received = new DateTime(2026, 11, 26, 17, 30, 0, DateTimeKind.Utc);

        Assert.Equal("DF20261127-000123", WorkOrderNumber.For("DF", received, 123).ToString());
    }

    [Fact]
    public void For_OneMinuteBeforeChinaMidnight_IsTheSameChinaDay()
    {
        Assert.Equal("DF20261126-000001", WorkOrderNumber.For("DF", Cst.At(2026, 11, 26, 23, 59), 1).ToString());
        Assert.Equal("DF20261127-000001", WorkOrderNumber.For("DF", Cst.At(2026, 11, 27, 0, 0), 1).ToString());
    }

    [Fact]
    public void TryParse_FormattedNumber_RoundTrips()
    {
        Assert.True(WorkOrderNumber.TryParse("BJCY20261127-999999", out var number));

        Assert.Equal(("BJCY", new DateOnly(2026, 11, 27), 999_999), (number.Prefix, number.Date, number.Sequence));
        Assert.Equal("BJCY20261127-999999", number.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("20261127-000123")]
    [InlineData("df20261127-000123")]
    [InlineData("DF20261127-123")]
    [InlineData("DF20261327-000123")]
    [InlineData("DF20261127_000123")]
    [InlineData("DF20261127-00012a")]
    [InlineData("DF20261127-+00123")]
    [InlineData("DF20261127-000000")]
    [InlineData("D1F20261127-000123")]
    public void TryParse_Malformed_IsFalse(string? value)
    {
        Assert.False(WorkOrderNumber.TryParse(value, out _));
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("df", 1)]
    [InlineData("ABCDEFGHI", 1)]
    [InlineData("DF", 0)]
    [InlineData("DF", 1_000_000)]
    public void For_BadPrefixOrSequence_Fails(string prefix, int sequence)
    {
        Assert.Throws<DomainRuleException>(() => WorkOrderNumber.For(prefix, Cst.At(2026, 11, 27, 9, 0), sequence));
    }
}
