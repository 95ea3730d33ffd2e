using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GridCare.Features.Attachments;
using GridCare.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GridCare.Tests;

public abstract partial class AttachmentPortalTests(GridCareFactory factory)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Report_WithPhotos_AttachesThemAsTheCustomersOwn_AndOnceOnADoubleSubmit()
    {
        var agent = await factory.ClientForAsync("agent");
        var (account, phone) = await CustomerAsync(agent, 0);
        var portal = factory.AnonymousClient();
        var form = await FormAsync(portal, "/portal/report");
        Photo[] photos = [new("meter.jpg", "image/jpeg", TestFiles.Jpeg("meter")), new("wire.png", "image/png", TestFiles.Png("wire"))];

        var (firstStatus, first) = await ReportAsync(portal, form, account, phone, photos);
        var (_, second) = await ReportAsync(portal, form, account, phone, photos);
        var number = OrderNumber(first);
        var attachments = (await agent.GetJsonAsync($"/api/v1/work-orders/{number}/attachments")).AsArray();

        Assert.Equal(HttpStatusCode.OK, firstStatus);
        Assert.Equal(number, OrderNumber(second));
        Assert.DoesNotContain("photos-not-attached", first, StringComparison.Ordinal);
        Assert.Equal(["meter.jpg", "wire.png"], attachments.Select(a => a!["fileName"]!.GetValue<string>()).Order());
        Assert.All(attachments, a =>
        {
            Assert.Equal("Customer", a!["source"]!.GetValue<string>());
            Assert.Equal("Web", a["channel"]!.GetValue<string>());
            Assert.Equal("customer", a["uploadedBy"]!.GetValue<string>());
            Assert.True(a["visibleToCustomer"]!.GetValue<bool>());
        });
    }

    [Fact]
    public async Task Report_WithAFileThatIsNoPhoto_ShowsTheErrorAndCreatesNothing()
    {
        var agent = await factory.ClientForAsync("agent");
        var (account, phone) = await CustomerAsync(agent, 1);
        var portal = factory.AnonymousClient();
        var form = await FormAsync(portal, "/portal/report");
        var before = (await agent.GetJsonAsync("/api/v1/work-orders?pageSize=1"))["total"]!.GetValue<int>();

        var (status, html) = await ReportAsync(portal, form, account, phone, [new("照片.jpg", "image/jpeg", "<html>not a photo</html>"u8.ToArray())]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"photos-error\"", html, StringComparison.Ordinal);
        Assert.Contains("照片.jpg 不是可接受的文件类型", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"order-number\"", html, StringComparison.Ordinal);
        Assert.Equal(before, (await agent.GetJsonAsync("/api/v1/work-orders?pageSize=1"))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Track_ShowsAndServesCustomerVisibleAttachmentsOnly()
    {
        var agent = await factory.ClientForAsync("agent");
        var (account, phone) = await CustomerAsync(agent, 2);
        var portal = factory.AnonymousClient();
        var (_, reported) = await ReportAsync(portal, await FormAsync(portal, "/portal/report"), account, phone, []);
        var number = OrderNumber(reported);
        var shown = TestFiles.Png("shown");
        var (_, visible, _) = await agent.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/attachments", TestFiles.Form(shown, "repaired-box.png", "image/png", "true"));
        var (_, internalOne, _) = await agent.SendAsync(HttpMethod.Post, $"/api/v1/work-orders/{number}/attachments", TestFiles.Form(TestFiles.Png("hidden"), "internal-inspection.png", "image/png", "false"));

        var html = await TrackAsync(portal, number, phone);
        var wrongPhone = await TrackAsync(portal, number, "13000000000");
        var links = AttachmentLink().Matches(html).Select(m => (Url: m.Groups[1].Value, File: m.Groups[2].Value)).ToList();
        var link = Assert.Single(links);
        using var served = await portal.GetAsync(new Uri(link.Url, UriKind.Relative), Cancel);
        var tampered = link.Url[..^4] + (link.Url[^4..] == "AAAA" ? "BBBB" : "AAAA");
        using var forged = await portal.GetAsync(new Uri(tampered, UriKind.Relative), Cancel);
        var minted = factory.Services.GetRequiredService<AttachmentLinks>().UrlOf(number, Guid.Parse(internalOne!["id"]!.GetValue<string>()));
        using var internalServed = await portal.GetAsync(new Uri(minted, UriKind.Relative), Cancel);
        using var staffUrl = await portal.GetAsync(new Uri(visible!["url"]!.GetValue<string>(), UriKind.Relative), Cancel);

        Assert.Equal("repaired-box.png", link.File);
        Assert.DoesNotContain("internal-inspection.png", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/portal/attachments/", wrongPhone, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(shown, await served.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, internalServed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, staffUrl.StatusCode);
    }

    private static async Task<(string Account, string Phone)> CustomerAsync(HttpClient agent, int nth)
    {
        var page = await agent.GetJsonAsync("/api/v1/customers?q=012&pageSize=20");
        var customer = page["items"]!.AsArray()
            .Where(c => c!["phone"] is JsonValue phone && phone.GetValue<string>().Length > 0)
            .ElementAt(nth)!;
        return (customer["accountNumber"]!.GetValue<string>(), customer["phone"]!.GetValue<string>());
    }

    private static async Task<(HttpStatusCode Status, string Html)> ReportAsync(
        HttpClient portal, (string Token, string FormId) form, string account, string phone, Photo[] photos)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["_handler"] = "portal-report",
            ["__RequestVerificationToken"] = form.Token,
            ["Input.FormId"] = form.FormId,
            ["Input.AccountNumber"] = account,
            ["Input.Phone"] = phone,
            ["Input.Type"] = "Repair",
            ["Input.Text"] = "表箱冒烟，附上照片",
        })
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var photo in photos)
        {
            var file = new ByteArrayContent(photo.Content);
            file.Headers.ContentType = new MediaTypeHeaderValue(photo.ContentType);
            content.Add(file, "photos", photo.Name);
        }

        using var response = await portal.PostAsync(new Uri("/portal/report", UriKind.Relative), content, Cancel);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel)));
    }

    private static async Task<string> TrackAsync(HttpClient portal, string number, string phone)
    {
        var (token, _) = await FormAsync(portal, "/portal/track");
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "portal-track",
            ["__RequestVerificationToken"] = token,
            ["Input.Number"] = number,
            ["Input.Phone"] = phone,
        });
        using var response = await portal.PostAsync(new Uri("/portal/track", UriKind.Relative), body, Cancel);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));
    }

    private static async Task<(string Token, string FormId)> FormAsync(HttpClient portal, string url)
    {
        var html = await portal.GetStringAsync(new Uri(url, UriKind.Relative), Cancel);
        return (HiddenValue(html, "__RequestVerificationToken"), HiddenValue(html, "Input.FormId"));
    }

    private static string HiddenValue(string html, string name) =>
        InputTag().Matches(html).Select(m => m.Value)
            .Where(input => input.Contains($"name=\"{name}\"", StringComparison.Ordinal))
            .Select(input => WebUtility.HtmlDecode(ValueAttribute().Match(input).Groups[1].Value))
            .FirstOrDefault() ?? string.Empty;

    private static string OrderNumber(string html)
    {
        var match = OrderNumberElement().Match(html);
        Assert.True(match.Success, "No order number on the page: " + html);
        return match.Groups[1].Value;
    }

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("data-testid=\"order-number\">([^<]+)<")]
    private static partial Regex OrderNumberElement();

    [GeneratedRegex("<a href=\"(/portal/attachments/[^\"]+)\"[^>]*data-file=\"([^\"]+)\"")]
    private static partial Regex AttachmentLink();

    private sealed record Photo(string Name, string ContentType, byte[] Content);
}

public sealed class SqliteAttachmentPortalTests(SqliteFactory factory) : AttachmentPortalTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresAttachmentPortalTests(PostgresFactory factory) : AttachmentPortalTests(factory), IClassFixture<PostgresFactory>;
