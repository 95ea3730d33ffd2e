using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GridCare.Tests.Infrastructure;

namespace GridCare.Tests;

public abstract class AttachmentApiTests(GridCareFactory factory)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_CrewPhoto_IsListedDownloadedAndAnnouncedInTheThread()
    {
        var number = await RepairAsync("011", 0);
        var crew = await factory.ClientForAsync("crew");
        var photo = TestFiles.Png("crew-photo");

        using var response = await crew.PostAsync(Url(number), TestFiles.Form(photo, "表箱照片.png", "image/png", "false"), Cancel);
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
        var list = await crew.GetJsonAsync($"/api/v1/work-orders/{number}/attachments");
        using var download = await crew.GetAsync(new Uri(created["url"]!.GetValue<string>(), UriKind.Relative), Cancel);
        var order = await crew.GetJsonAsync($"/api/v1/work-orders/{number}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(created["url"]!.GetValue<string>(), response.Headers.Location?.OriginalString);
        Assert.Equal("表箱照片.png", created["fileName"]!.GetValue<string>());
        Assert.Equal("image/png", created["contentType"]!.GetValue<string>());
        Assert.Equal(photo.Length, created["sizeBytes"]!.GetValue<long>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(photo)), created["sha256"]!.GetValue<string>());
        Assert.Equal("Crew", created["source"]!.GetValue<string>());
        Assert.Equal("crew", created["uploadedBy"]!.GetValue<string>());
        Assert.False(created["visibleToCustomer"]!.GetValue<bool>());
        var id = created["id"]!.GetValue<string>();
        Assert.Equal([id], list.AsArray().Select(a => a!["id"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("表箱照片.png", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        var entry = order["entries"]!.AsArray()[^1]!;
        Assert.Equal("Attachment", entry["kind"]!.GetValue<string>());
        Assert.Equal(id, entry["attachmentId"]!.GetValue<string>());
        Assert.False(entry["isCustomerVisible"]!.GetValue<bool>());
        var change = order["history"]!.AsArray()[^1]!;
        Assert.Equal(("Attach", "crew"), (change["action"]!.GetValue<string>(), change["actor"]!.GetValue<string>()));
        Assert.Contains(id, change["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_SameContentTwice_AnswersTheSameAttachmentAndStoresItOnce()
    {
        var number = await RepairAsync("011", 1);
        var agent = await factory.ClientForAsync("agent");
        var photo = TestFiles.Jpeg("twice");

        var (firstStatus, first, _) = await agent.SendAsync(HttpMethod.Post, Url(number), TestFiles.Form(photo, "IMG_0001.jpg", "image/jpeg"));
        var (secondStatus, second, _) = await agent.SendAsync(HttpMethod.Post, Url(number), TestFiles.Form(photo, "IMG_0001 (1).jpg", "image/jpeg"));
        var list = await agent.GetJsonAsync(Url(number));
        var order = await agent.GetJsonAsync($"/api/v1/work-orders/{number}");

        Assert.Equal((201, 200), (firstStatus, secondStatus));
        Assert.Equal(first!["id"]!.GetValue<string>(), second!["id"]!.GetValue<string>());
        Assert.Single(list.AsArray());
        Assert.Single(order["history"]!.AsArray(), h => h!["action"]!.GetValue<string>() == "Attach");
        Assert.Single(Directory.GetFiles(Path.Combine(factory.DataDirectory, "attachments", number)));
        Assert.Empty(StagedFiles());
    }

    public static TheoryData<string, string, string> NotPhotos() => new()
    {
        { "<html><script>alert(1)</script></html>", "photo.jpg", "image/jpeg" },
        { "MZ\u0090\0\u0003\0\0\0 this is a Windows program", "photo.jpg", "application/octet-stream" },
        { "GIF89a\u0001\0\u0001\0", "animation.gif", "image/gif" },
    };

    [Theory]
    [MemberData(nameof(NotPhotos))]
    public async Task Upload_ContentThatIsNotAnAcceptedType_Is415NamingTheFieldAndKeepsNothing(string content, string fileName, string declared)
    {
        var number = await RepairAsync("011", 2);
        var agent = await factory.ClientForAsync("agent");

        var (status, body, contentType) = await agent.SendAsync(HttpMethod.Post, Url(number), TestFiles.Form(Encoding.Latin1.GetBytes(content), fileName, declared));

        Assert.Equal(415, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Contains(fileName, body!["errors"]!["file"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await agent.GetJsonAsync(Url(number))).AsArray());
        Assert.Empty(StagedFiles());
    }

    [Fact]
    public async Task Upload_PngDeclaredAsJpeg_IsKeptAndServedAsWhatItIs()
    {
        var number = await RepairAsync("011", 3);
        var agent = await factory.ClientForAsync("agent");

        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, Url(number), TestFiles.Form(TestFiles.Png("renamed"), "renamed.jpg", "image/jpeg"));

        Assert.Equal(201, status);
        Assert.Equal("image/png", body!["contentType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upload_OverTheSizeLimit_Is413NamingTheFieldAndKeepsNothing()
    {
        var number = await RepairAsync("011", 4);
        var agent = await factory.ClientForAsync("agent");
        var tooLarge = TestFiles.Jpeg("large", padding: 10 * 1024 * 1024);

        var (status, body, contentType) = await agent.SendAsync(HttpMethod.Post, Url(number), TestFiles.Form(tooLarge, "huge.jpg", "image/jpeg"));

        Assert.Equal(413, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Contains("huge.jpg", body!["errors"]!["file"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await agent.GetJsonAsync(Url(number))).AsArray());
        Assert.Empty(StagedFiles());
    }

    [Fact]
    public async Task Upload_WithoutAFileOrWithABadFlag_Is400NamingTheField()
    {
        var number = await RepairAsync("011", 5);
        var agent = await factory.ClientForAsync("agent");
        using var noFile = new MultipartFormDataContent { { new StringContent("true"), "visibleToCustomer" } };

        var (missing, missingBody, _) = await agent.SendAsync(HttpMethod.Post, Url(number), noFile);
        var (badFlag, badFlagBody, _) = await agent.SendAsync(HttpMethod.Post, Url(number), TestFiles.Form(TestFiles.Png("flag"), "a.png", "image/png", "maybe"));
        var (json, jsonBody, _) = await agent.SendAsync(HttpMethod.Post, Url(number), ApiJson.Json(new { file = "a.png" }));

        Assert.Equal((400, 400, 400), (missing, badFlag, json));
        Assert.NotNull(missingBody!["errors"]!["file"]);
        Assert.NotNull(badFlagBody!["errors"]!["visibleToCustomer"]);
        Assert.NotNull(jsonBody!["errors"]!["file"]);
    }

    [Fact]
    public async Task Attachments_OfAnotherStationsOrder_AreNotFoundForTheStationCrew()
    {
        var elsewhere = await RepairAsync("015", 0);
        var own = await RepairAsync("011", 6);
        var agent = await factory.ClientForAsync("agent");
        var crew = await factory.ClientForAsync("crew");
        var (_, attached, _) = await agent.SendAsync(HttpMethod.Post, Url(elsewhere), TestFiles.Form(TestFiles.Png("elsewhere"), "a.png", "image/png"));
        var id = attached!["id"]!.GetValue<string>();

        var (upload, _, _) = await crew.SendAsync(HttpMethod.Post, Url(elsewhere), TestFiles.Form(TestFiles.Png("crew"), "b.png", "image/png"));
        var (list, _, _) = await crew.SendAsync(HttpMethod.Get, Url(elsewhere));
        var (download, _, _) = await crew.SendAsync(HttpMethod.Get, $"{Url(elsewhere)}/{id}");
        var (throughOwnOrder, _, _) = await crew.SendAsync(HttpMethod.Get, $"{Url(own)}/{id}");
        var (agentDownload, _, _) = await agent.SendAsync(HttpMethod.Get, $"{Url(elsewhere)}/{id}");

        Assert.Equal((404, 404, 404, 404), (upload, list, download, throughOwnOrder));
        Assert.Equal(200, agentDownload);
        Assert.Single((await agent.GetJsonAsync(Url(elsewhere))).AsArray());
    }

    [Fact]
    public async Task Attachments_ReadOnlyRoleAndAnonymous_AreRefused()
    {
        var number = await RepairAsync("011", 7);
        var analyst = await factory.ClientForAsync("analyst");
        var agent = await factory.ClientForAsync("agent");
        var (_, attached, _) = await agent.SendAsync(HttpMethod.Post, Url(number), TestFiles.Form(TestFiles.Pdf("letter"), "letter.pdf", "application/pdf", "true"));

        var (upload, _, _) = await analyst.SendAsync(HttpMethod.Post, Url(number), TestFiles.Form(TestFiles.Png("analyst"), "a.png", "image/png"));
        var (list, _, _) = await analyst.SendAsync(HttpMethod.Get, Url(number));
        using var pdf = await agent.GetAsync(new Uri(attached!["url"]!.GetValue<string>(), UriKind.Relative), Cancel);
        var (anonymous, _, _) = await factory.AnonymousClient().SendAsync(HttpMethod.Get, attached["url"]!.GetValue<string>());

        Assert.Equal((403, 200, 401), (upload, list, anonymous));
        Assert.Equal("attachment", pdf.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Upload_PastThePerOrderLimit_Is409NamingTheField()
    {
        var number = await RepairAsync("011", 8);
        var agent = await factory.ClientForAsync("agent");
        for (var i = 0; i < 20; i++)
        {
            var (status, _, _) = await agent.SendAsync(HttpMethod.Post, Url(number), TestFiles.Form(TestFiles.Png($"n{i}"), $"{i}.png", "image/png"));
            Assert.Equal(201, status);
        }

        var (full, body, _) = await agent.SendAsync(HttpMethod.Post, Url(number), TestFiles.Form(TestFiles.Png("n20"), "20.png", "image/png"));
        var (again, _, _) = await agent.SendAsync(HttpMethod.Post, Url(number), TestFiles.Form(TestFiles.Png("n0"), "0.png", "image/png"));

        Assert.Equal(409, full);
        Assert.Equal("LimitReached", body!["code"]!.GetValue<string>());
        Assert.NotNull(body["errors"]!["file"]);
        Assert.Equal(200, again);
        Assert.Equal(20, (await agent.GetJsonAsync(Url(number))).AsArray().Count);
    }

    [Fact]
    public async Task OpenApi_DescribesTheUploadForm()
    {
        var document = await factory.AnonymousClient().GetJsonAsync("/openapi/v1.json");
        var attachments = document["paths"]!["/api/v1/work-orders/{number}/attachments"]!;
        var form = attachments["post"]!["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!;

        Assert.Equal("UploadAttachment", attachments["post"]!["operationId"]!.GetValue<string>());
        Assert.Equal("binary", form["properties"]!["file"]!["format"]!.GetValue<string>());
        Assert.NotNull(form["properties"]!["visibleToCustomer"]);
        Assert.NotNull(document["paths"]!["/api/v1/work-orders/{number}/attachments/{id}"]!["get"]);
    }

    private static string Url(string number) => $"/api/v1/work-orders/{number}/attachments";

    private string[] StagedFiles()
    {
        var staging = Path.Combine(factory.DataDirectory, "attachments", ".staging");
        return Directory.Exists(staging) ? Directory.GetFiles(staging) : [];
    }

    private async Task<string> RepairAsync(string accountPrefix, int nth)
    {
        var agent = await factory.ClientForAsync("agent");
        var customer = await IntakeTests.CustomerAsync(agent, accountPrefix, nth + 20);
        var (status, body, _) = await agent.SendAsync(HttpMethod.Post, "/api/v1/contacts", ApiJson.Json(new
        {
            channel = "hotline",
            externalId = Guid.NewGuid().ToString("N"),
            accountNumber = customer["accountNumber"]!.GetValue<string>(),
            text = "表箱冒烟，进线烧焦了",
            type = "repair",
        }));
        Assert.Equal(201, status);
        return body!["order"]!["number"]!.GetValue<string>();
    }
}

public sealed class SqliteAttachmentApiTests(SqliteFactory factory) : AttachmentApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class PostgresAttachmentApiTests(PostgresFactory factory) : AttachmentApiTests(factory), IClassFixture<PostgresFactory>;
