using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

public abstract class ImportTests(GridCareFactory factory)
{
    private const string OrgUnits = """
        code,name,level,parent_code
        GZBJ0106,六龙供电所,supply_station,GZBJ01
        """;

    private const string Network = """
        code,kind,name,parent_code,area_type,org_unit_code,rated_kva,voltage_kv,normally_open
        LL-S1,substation,六龙35kV变电站,,rural,GZBJ01,,35,
        LL-F01,feeder,10kV六龙Ⅰ回线,LL-S1,rural,GZBJ0106,,10,
        LL-T001,transformer,"六龙村1号公变, 东",LL-K01,rural,GZBJ0106,200,,
        LL-K01,switch,六龙支线开关,LL-F01,rural,GZBJ0106,,,false
        """;

    private const string Customers = """
        account_number,name,phone,id_number,address,category,contracted_capacity_kva,tariff,important,sensitive,transformer_code,meter_number
        0160000001,龙德福,13908571234,520521196503041234,大方县六龙镇六龙村1组5号,residential,8,RES-TIERED,false,false,LL-T001,3016000000001
        0160000002,六龙镇卫生院,0857-5231234,,大方县六龙镇街上,commercial,50,COM-SINGLE,是,否,LL-T001,3016000000002
        """;

    [Fact]
    public async Task Import_OrgUnitsNetworkCustomers_CreatesThem_AndReimportChangesNothing()
    {
        var admin = await factory.ClientForAsync("admin");

        var (orgStatus, org, _) = await admin.SendAsync(HttpMethod.Post, "/api/v1/imports/org-units", ApiJson.Csv(OrgUnits));
        var (netStatus, net, _) = await admin.SendAsync(HttpMethod.Post, "/api/v1/imports/network", ApiJson.Csv(Network));
        var (custStatus, cust, _) = await admin.SendAsync(HttpMethod.Post, "/api/v1/imports/customers", ApiJson.Csv(Customers));

        Assert.Equal(200, orgStatus);
        Assert.Equal(1, org!["created"]!.GetValue<int>());
        Assert.Equal(200, netStatus);
        Assert.Equal(4, net!["created"]!.GetValue<int>());
        Assert.Equal(200, custStatus);
        Assert.Equal(2, cust!["created"]!.GetValue<int>());

        var found = await admin.GetJsonAsync("/api/v1/customers?q=0160000002");
        var clinic = await admin.GetJsonAsync($"/api/v1/customers/{found["items"]![0]!["id"]}");
        Assert.True(clinic["isImportant"]!.GetValue<bool>());
        Assert.Equal("六龙供电所", clinic["orgUnitPath"]!.AsArray()[^1]!["name"]!.GetValue<string>());
        Assert.Equal(
            ["LL-S1", "LL-F01", "LL-K01", "LL-T001", "3016000000002", "SP0160000002"],
            clinic["networkPath"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()));

        foreach (var (url, csv) in new[] { ("org-units", OrgUnits), ("network", Network), ("customers", Customers) })
        {
            var (status, again, _) = await admin.SendAsync(HttpMethod.Post, $"/api/v1/imports/{url}", ApiJson.Csv(csv));
            Assert.Equal(200, status);
            Assert.Equal(0, again!["created"]!.GetValue<int>());
            Assert.Equal(0, again["updated"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Import_CustomersWithABadRow_RejectsTheWholeFileNamingLineAndColumn()
    {
        var admin = await factory.ClientForAsync("admin");
        var transformer = (await admin.GetJsonAsync("/api/v1/network/transformers?pageSize=1"))["items"]![0]!["code"]!.GetValue<string>();
        var csv = $"""
            account_number,name,phone,address,category,contracted_capacity_kva,tariff,transformer_code,meter_number
            0170000001,杨光明,13800001111,大方县顺德路1号,residential,8,RES-TIERED,{transformer},3017000000001
            0170000002,赵春燕,13800002222,大方县顺德路2号,household,8,RES-TIERED,{transformer},3017000000002
            0170000003,周文,13800003333,大方县顺德路3号,residential,-4,RES-TIERED,NO-SUCH-T,3017000000003
            """;

        var (status, body, contentType) = await admin.SendAsync(HttpMethod.Post, "/api/v1/imports/customers?fileName=march.csv", ApiJson.Csv(csv));

        Assert.Equal(422, status);
        Assert.Equal("application/problem+json", contentType);
        var errors = body!["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["line"]!.GetValue<int>() == 3 && e["column"]!.GetValue<string>() == "category" && e["file"]!.GetValue<string>() == "march.csv");
        Assert.Contains(errors, e => e!["line"]!.GetValue<int>() == 4 && e["column"]!.GetValue<string>() == "contracted_capacity_kva");
        Assert.Equal(0, (await admin.GetJsonAsync("/api/v1/customers?q=0170000001"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Import_NetworkWithUnknownParent_Returns422NamingParentCode()
    {
        var admin = await factory.ClientForAsync("admin");
        const string csv = """
            code,kind,name,parent_code,area_type,org_unit_code,rated_kva
            XX-F01,feeder,10kV测试线,NO-SUCH-SUBSTATION,rural,GZBJ01,
            """;

        var (status, body, _) = await admin.SendAsync(HttpMethod.Post, "/api/v1/imports/network", ApiJson.Csv(csv));

        Assert.Equal(422, status);
        var error = Assert.Single(body!["errors"]!.AsArray());
        Assert.Equal(2, error!["line"]!.GetValue<int>());
        Assert.Equal("parent_code", error["column"]!.GetValue<string>());
    }

    [Fact]
    public async Task Import_FileWithMissingColumn_NamesTheColumnOnLine1()
    {
        var admin = await factory.ClientForAsync("admin");

        var (status, body, _) = await admin.SendAsync(HttpMethod.Post, "/api/v1/imports/org-units", ApiJson.Csv("code,name\nA,B\n"));

        Assert.Equal(422, status);
        var error = Assert.Single(body!["errors"]!.AsArray());
        Assert.Equal(1, error!["line"]!.GetValue<int>());
        Assert.Equal("level", error["column"]!.GetValue<string>());
    }
}

public sealed class SqliteImportTests(SqliteFactory factory) : ImportTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresImportTests(PostgresFactory factory) : ImportTests(factory), IClassFixture<PostgresFactory>;
