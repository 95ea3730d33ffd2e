using System.Collections.Concurrent;
using System.Text.Json;
using GridCare.Platform.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GridCare.Tests.Infrastructure;

/// <summary>
/// An SMS gateway on a real loopback socket speaking GridCare's protocol: it checks the timestamp and HMAC signature
/// headers, refuses a bad signature with 401, and can be told to fail with 503 until it "recovers". The same server
/// is the WeChat/app push gateway at <see cref="PushUrl"/> (same signing scheme and secret).
/// </summary>
public sealed class FakeSmsGateway : IAsyncDisposable
{
    public const string Secret = "test-gateway-secret";

    private readonly WebApplication app;

    private FakeSmsGateway(WebApplication app) => this.app = app;

    public ConcurrentQueue<GatewayRequest> Received { get; } = new();

    public ConcurrentQueue<PushMessage> ReceivedPush { get; } = new();

    public int Rejected { get; private set; }

    /// <summary>While true the gateway answers 503 to everything.</summary>
    public bool Failing { get; set; }

    public Uri Url => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1/messages");

    public Uri PushUrl => new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1/push");

    public static async Task<FakeSmsGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new FakeSmsGateway(app);
        app.MapPost("/v1/messages", gateway.ReceiveAsync);
        app.MapPost("/v1/push", gateway.ReceivePushAsync);
        await app.StartAsync();
        return gateway;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        if (Failing)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var timestamp = request.Headers[SmsGateway.TimestampHeader].ToString();
        if (request.Headers[SmsGateway.SignatureHeader].ToString() != SmsGateway.Sign(Secret, timestamp, body))
        {
            Rejected++;
            return Results.Unauthorized();
        }

        var message = JsonSerializer.Deserialize<GatewayRequest>(body, JsonSerializerOptions.Web)!;
        Received.Enqueue(message);
        return Results.Json(new { messageId = "gw-" + Received.Count });
    }

    private async Task<IResult> ReceivePushAsync(HttpRequest request)
    {
        if (Failing)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var timestamp = request.Headers[SmsGateway.TimestampHeader].ToString();
        if (request.Headers[SmsGateway.SignatureHeader].ToString() != SmsGateway.Sign(Secret, timestamp, body))
        {
            Rejected++;
            return Results.Unauthorized();
        }

        ReceivedPush.Enqueue(JsonSerializer.Deserialize<PushMessage>(body, JsonSerializerOptions.Web)!);
        return Results.Json(new { messageId = "push-" + ReceivedPush.Count });
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
