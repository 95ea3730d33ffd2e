using GridCare.Domain.Sla;

namespace GridCare.Domain.Tests.Sla;

public class ChinaTimeTests
{
    [Fact]
    public void ToCst_UtcInstant_IsEightHoursAhead()
    {
        var cst = ChinaTime.ToCst(new DateTime(2026, 9, 30, 7, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 9, 30, 15, 0, 0), cst);
        Assert.Equal(DateTimeKind.Unspecified, cst.Kind);
    }

    [Fact]
    public void FromCst_WallClockValue_IsUtcEightHoursEarlier()
    {
        var utc = ChinaTime.FromCst(new DateOnly(2026, 10, 1), new TimeOnly(1, 30));

        Assert.Equal(new DateTime(2026, 9, 30, 17, 30, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void DateOf_UtcEveningAfter1600_IsNextCstDay()
    {
        Assert.Equal(new DateOnly(2026, 10, 1), ChinaTime.DateOf(new DateTime(2026, 9, 30, 16, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2026, 9, 30), ChinaTime.DateOf(new DateTime(2026, 9, 30, 15, 59, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void ToCst_UnspecifiedKind_Fails()
    {
        Assert.Throws<ArgumentException>(() => ChinaTime.ToCst(new DateTime(2026, 9, 30, 7, 0, 0)));
    }

    [Fact]
    public void FromCst_UtcKind_Fails()
    {
        Assert.Throws<ArgumentException>(() => ChinaTime.FromCst(new DateTime(2026, 9, 30, 7, 0, 0, DateTimeKind.Utc)));
    }
}
