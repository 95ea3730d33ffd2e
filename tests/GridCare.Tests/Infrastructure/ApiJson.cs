using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GridCare.Tests.Infrastructure;

/// <summary>Reads API answers as JSON trees, so tests assert on the wire contract rather than on server types.</summary>
public static class ApiJson
{
    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task<(int Status, JsonNode? Body, string? ContentType)> SendAsync(this HttpClient client, HttpMethod method, string url, HttpContent? content = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        JsonNode? json = null;
        if (body.Length > 0 && body.TrimStart().StartsWith('{') || body.TrimStart().StartsWith('['))
        {
            json = JsonNode.Parse(body);
        }

        return ((int)response.StatusCode, json, response.Content.Headers.ContentType?.MediaType);
    }

    public static StringContent Csv(string text) => new(text, System.Text.Encoding.UTF8, "text/csv");

    public static JsonContent Json(object value) => JsonContent.Create(value, options: JsonSerializerOptions.Web);
}
