using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GridCare.Tests.Infrastructure;

/// <summary>Drives the portal's server-rendered forms as a browser would: read the antiforgery token, post the fields.</summary>
public static partial class PortalForms
{
    public static async Task<(string Token, string? FormId)> FormAsync(HttpClient portal, string url)
    {
        var html = await portal.GetStringAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var token = HiddenValue(html, "__RequestVerificationToken");
        Assert.NotNull(token);
        return (token, HiddenValue(html, "Input.FormId"));
    }

    public static async Task<(string Account, string Phone)> CustomerAsync(HttpClient agent, int nth)
    {
        var page = await agent.GetJsonAsync("/api/v1/customers?q=011&pageSize=20");
        var customer = page["items"]!.AsArray()
            .Where(c => c!["phone"] is JsonValue phone && phone.GetValue<string>().Length > 0)
            .ElementAt(nth)!;
        return (customer["accountNumber"]!.GetValue<string>(), customer["phone"]!.GetValue<string>());
    }

    public static async Task<string> ReportAsync(HttpClient portal, string account, string phone, string text)
    {
        var form = await FormAsync(portal, "/portal/report");
        var (_, html) = await PostAsync(portal, "/portal/report", "portal-report", form.Token, new Dictionary<string, string>
        {
            ["Input.FormId"] = form.FormId!,
            ["Input.AccountNumber"] = account,
            ["Input.Phone"] = phone,
            ["Input.Type"] = "Repair",
            ["Input.Text"] = text,
        });
        return OrderNumber(html);
    }

    public static string OrderNumber(string html)
    {
        var match = OrderNumberElement().Match(html);
        Assert.True(match.Success, "No order number on the page: " + html);
        return match.Groups[1].Value;
    }

    public static async Task<(HttpStatusCode Status, string Html)> PostAsync(
        HttpClient portal, string url, string formName, string token, Dictionary<string, string> fields)
    {
        using var response = await SubmitAsync(portal, url, formName, token, fields);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    /// <summary>The raw response, for posts that answer with a redirect.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        HttpClient portal, string url, string formName, string token, Dictionary<string, string> fields)
    {
        var content = new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = token };
        using var body = new FormUrlEncodedContent(content);
        return await portal.PostAsync(new Uri(url, UriKind.Relative), body, TestContext.Current.CancellationToken);
    }

    public static string? HiddenValue(string html, string name)
    {
        foreach (Match input in InputTag().Matches(html))
        {
            if (input.Value.Contains($"name=\"{name}\"", StringComparison.Ordinal) && ValueAttribute().Match(input.Value) is { Success: true } value)
            {
                return WebUtility.HtmlDecode(value.Groups[1].Value);
            }
        }

        return null;
    }

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("data-testid=\"order-number\">([^<]+)<")]
    private static partial Regex OrderNumberElement();
}
