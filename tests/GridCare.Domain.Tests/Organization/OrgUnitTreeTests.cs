using GridCare.Domain.Organization;

namespace GridCare.Domain.Tests.Organization;

public class OrgUnitTreeTests
{
    private static readonly OrgUnit Province = WithId(OrgUnit.CreateRoot("GZ", "贵州电网", OrgUnitLevel.Province), 1);
    private static readonly OrgUnit City = WithId(OrgUnit.CreateChild(Province, "GZBJ", "毕节供电局", OrgUnitLevel.City), 2);
    private static readonly OrgUnit County = WithId(OrgUnit.CreateChild(City, "GZBJ01", "大方供电局", OrgUnitLevel.County), 3);
    private static readonly OrgUnit StationA = WithId(OrgUnit.CreateChild(County, "GZBJ0101", "城关供电所", OrgUnitLevel.SupplyStation), 4);
    private static readonly OrgUnit StationB = WithId(OrgUnit.CreateChild(County, "GZBJ0102", "羊场供电所", OrgUnitLevel.SupplyStation), 5);

    private static OrgUnitTree Tree => new([Province, City, County, StationA, StationB]);

    [Fact]
    public void SelfAndDescendants_OfCounty_IsCountyAndItsStations()
    {
        Assert.Equal([3, 4, 5], Tree.SelfAndDescendants(3).Order());
    }

    [Fact]
    public void SelfAndDescendants_OfStation_IsOnlyThatStation()
    {
        Assert.Equal([4], Tree.SelfAndDescendants(4));
    }

    [Fact]
    public void SelfAndDescendants_OfUnknownUnit_IsEmpty()
    {
        Assert.Empty(Tree.SelfAndDescendants(99));
    }

    [Fact]
    public void PathTo_Station_RunsFromProvinceDown()
    {
        Assert.Equal(["贵州电网", "毕节供电局", "大方供电局", "羊场供电所"], Tree.PathTo(5).Select(u => u.Name));
    }

    [Fact]
    public void CreateChild_WhenLevelIsNotBelowParent_Fails()
    {
        Assert.Throws<DomainRuleException>(() => OrgUnit.CreateChild(County, "X", "X", OrgUnitLevel.City));
        Assert.Throws<DomainRuleException>(() => OrgUnit.CreateChild(StationA, "Y", "Y", OrgUnitLevel.SupplyStation));
    }

    [Fact]
    public void CreateRoot_WithoutName_Fails()
    {
        Assert.Throws<DomainRuleException>(() => OrgUnit.CreateRoot("GZ", " ", OrgUnitLevel.Province));
    }

    // Ids are assigned by the database; the tree only needs them to be set.
    private static OrgUnit WithId(OrgUnit unit, int id)
    {
        typeof(OrgUnit).GetProperty(nameof(OrgUnit.Id))!.SetValue(unit, id);
        if (unit.Parent is { } parent)
        {
            typeof(OrgUnit).GetProperty(nameof(OrgUnit.ParentId))!.SetValue(unit, parent.Id);
        }

        return unit;
    }
}
