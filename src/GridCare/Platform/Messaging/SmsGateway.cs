using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace GridCare.Platform.Messaging;

/// <summary>
/// Posts each message as JSON to the configured gateway, signed so the gateway can tell it came from us and was not
/// replayed: <c>X-GridCare-Timestamp</c> (Unix seconds) and <c>X-GridCare-Signature: sha256=&lt;hex HMAC-SHA256 of
/// "timestamp.body" with the shared secret&gt;</c>. The gateway answers 2xx with <c>{"messageId": "…"}</c>; our message
/// id travels in the body so a gateway can drop a retried duplicate.
/// </summary>
public sealed class SmsGateway(HttpClient http, IOptions<SmsOptions> options, TimeProvider time) : ISmsSender
{
    public const string TimestampHeader = "X-GridCare-Timestamp";
    public const string SignatureHeader = "X-GridCare-Signature";

    public bool Delivers => true;

    public async Task<SmsReceipt> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var body = JsonSerializer.SerializeToUtf8Bytes(new GatewayRequest(message.Id, message.To, message.Text, settings.SenderName), GatewayJson.Default.GatewayRequest);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        using var request = new HttpRequestMessage(HttpMethod.Post, settings.GatewayUrl);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, Sign(settings.Secret!, timestamp, body));

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new SmsSendException($"SMS gateway answered {(int)response.StatusCode} for message {message.Id}.");
            }

            var answer = await response.Content.ReadFromJsonAsync(GatewayJson.Default.GatewayResponse, cancellationToken);
            return new SmsReceipt(true, answer?.MessageId);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            throw new SmsSendException($"SMS gateway unreachable for message {message.Id}: {e.Message}", e);
        }
    }

    /// <summary>The signature header value; public so a gateway (or a test's fake one) can verify it the same way.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + 1 + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, signed);
        signed[written] = (byte)'.';
        body.CopyTo(signed.AsSpan(written + 1));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}

public sealed record GatewayRequest(string Id, string To, string Text, string Sender);

public sealed record GatewayResponse(string? MessageId);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(GatewayRequest))]
[System.Text.Json.Serialization.JsonSerializable(typeof(GatewayResponse))]
internal sealed partial class GatewayJson : System.Text.Json.Serialization.JsonSerializerContext;
