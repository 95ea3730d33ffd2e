using System.Globalization;
using System.Text.Json.Nodes;
using GridCare.Domain.Sla;

namespace GridCare.Tests.Infrastructure;

/// <summary>A caller of the IVR tests: an account imported with its own phone (and arrears columns) under a demo transformer.</summary>
public sealed record IvrCaller(string AccountNumber, string Phone);

/// <summary>Imports callers through the customer import and says times as the IVR should (China time, relative to the clock's day).</summary>
public static class IvrCallers
{
    public const string Header = "account_number,name,phone,address,category,contracted_capacity_kva,tariff,transformer_code,meter_number,arrears_yuan,arrears_since,arrears_disconnected_at,arrears_paid_at";

    public static string NewPhone() => "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

    public static string NewAccount() => "IVR" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);

    /// <summary>A CSV row for a new account; <paramref name="arrears"/> is the four arrears columns, already joined by commas.</summary>
    public static string Row(IvrCaller caller, string transformerCode, string arrears = ",,,") =>
        $"{caller.AccountNumber},测试客户,{caller.Phone},大方县测试路1号,residential,8,RES-TIERED,{transformerCode},M{caller.AccountNumber},{arrears}";

    public static async Task<JsonNode> ImportAsync(GridCareFactory factory, string csv)
    {
        var admin = await factory.ClientForAsync("admin");
        var (status, body, _) = await admin.SendAsync(HttpMethod.Post, "/api/v1/imports/customers?fileName=ivr.csv", ApiJson.Csv(csv));
        Assert.True(status == 200, $"import answered {status}: {body}");
        return body!;
    }

    public static async Task<string> TransformerCodeAsync(GridCareFactory factory, int branch)
    {
        var customer = (await DemoNetwork.BranchesAsync(factory))[branch].ByTransformer[0][0];
        return await OutageRuns.CodeOfAsync(factory, customer.TransformerId);
    }

    public static async Task<(int Status, JsonNode? Body)> LookupAsync(HttpClient client, object request, string? acceptLanguage = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/ivr/lookup", UriKind.Relative)) { Content = ApiJson.Json(request) };
        if (acceptLanguage is not null)
        {
            message.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var response = await client.SendAsync(message, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, body.Length > 0 ? JsonNode.Parse(body) : null);
    }

    /// <summary>A China wall-clock time for the import's columns.</summary>
    public static string Cst(DateTime utc) => ChinaTime.ToCst(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>An instant as the zh-CN speech says it.</summary>
    public static string Spoken(DateTime utc, DateTime nowUtc)
    {
        var cst = ChinaTime.ToCst(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        var time = cst.ToString("HH:mm", CultureInfo.InvariantCulture);
        return (DateOnly.FromDateTime(cst).DayNumber - ChinaTime.DateOf(nowUtc).DayNumber) switch
        {
            0 => "今天" + time,
            1 => "明天" + time,
            _ => string.Create(CultureInfo.InvariantCulture, $"{cst.Month}月{cst.Day}日{time}"),
        };
    }

    /// <summary>An instant as the English speech says it.</summary>
    public static string SpokenInEnglish(DateTime utc, DateTime nowUtc)
    {
        var cst = ChinaTime.ToCst(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        var time = cst.ToString("HH:mm", CultureInfo.InvariantCulture);
        return (DateOnly.FromDateTime(cst).DayNumber - ChinaTime.DateOf(nowUtc).DayNumber) switch
        {
            0 => "today at " + time,
            1 => "tomorrow at " + time,
            _ => "on " + cst.ToString("d MMMM", CultureInfo.GetCultureInfo("en-US")) + " at " + time,
        };
    }
}
