using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace GridCare.Platform.Messaging;

/// <summary>
/// Posts WeChat and app push messages as JSON to the push gateway, signed exactly as <see cref="SmsGateway"/> signs
/// (same headers, HMAC-SHA256 of "timestamp.body" with this gateway's own secret). The gateway answers 2xx with
/// <c>{"messageId": "…"}</c>.
/// </summary>
public sealed class PushGateway(HttpClient http, IOptions<PushOptions> options, TimeProvider time) : IPushSender
{
    public async Task<string> SendAsync(PushMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var body = JsonSerializer.SerializeToUtf8Bytes(message, PushJson.Default.PushMessage);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        using var request = new HttpRequestMessage(HttpMethod.Post, settings.GatewayUrl);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(SmsGateway.TimestampHeader, timestamp);
        request.Headers.Add(SmsGateway.SignatureHeader, SmsGateway.Sign(settings.Secret!, timestamp, body));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new MessageSendException($"Push gateway answered {(int)response.StatusCode} for message {message.Id}.");
            }

            var answer = await response.Content.ReadFromJsonAsync(GatewayJson.Default.GatewayResponse, cancellationToken);
            return answer?.MessageId ?? message.Id;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            throw new MessageSendException($"Push gateway unreachable for message {message.Id}: {e.Message}", e);
        }
    }
}

/// <summary>The push sender without a gateway: the message goes to the log and nowhere else.</summary>
public sealed partial class LoggedPush(ILogger<LoggedPush> logger) : IPushSender
{
    public Task<string> SendAsync(PushMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        LogNotSent(logger, message.Id, message.Channel, message.Title, message.Text);
        return Task.FromResult(LoggedMessages.ProviderId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push {Id} ({Channel}) not sent (no GridCare:Push:GatewayUrl configured): {Title} {Text}")]
    private static partial void LogNotSent(ILogger logger, string id, string channel, string title, string text);
}

/// <summary>The email sender without an SMTP host: the message goes to the log (address masked) and nowhere else.</summary>
public sealed partial class LoggedEmail(ILogger<LoggedEmail> logger) : IEmailSender
{
    public Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        LogNotSent(logger, message.Id, Mask(message.To), message.Subject, message.Text);
        return Task.FromResult(LoggedMessages.ProviderId);
    }

    private static string Mask(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : address[0] + "***" + address[at..];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {Id} to {To} not sent (no GridCare:Email:Host configured): {Subject} {Text}")]
    private static partial void LogNotSent(ILogger logger, string id, string to, string subject, string text);
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
[System.Text.Json.Serialization.JsonSerializable(typeof(PushMessage))]
internal sealed partial class PushJson : System.Text.Json.Serialization.JsonSerializerContext;
