using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GridCare.Platform.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Notifications;

/// <summary>
/// Calls from the SMS and push gateways back to us (delivery receipts, SMS replies) are signed the way we sign our
/// calls to them (<see cref="SmsGateway.Sign"/>): <c>X-GridCare-Timestamp</c> and <c>X-GridCare-Signature</c> over
/// "timestamp.body" with that gateway's secret. A timestamp more than five minutes off is refused, so a recorded call
/// cannot be replayed later.
/// </summary>
public sealed class GatewayCallbacks(IOptions<SmsOptions> sms, IOptions<PushOptions> push, TimeProvider time)
{
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    /// <summary>The answer to a callback <see cref="ReadSignedAsync"/> did not accept.</summary>
    public static ProblemHttpResult NotSigned() =>
        TypedResults.Problem(title: "Not signed by a gateway", detail: "The signature or timestamp is missing, wrong or stale.", statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>The body when one of the configured gateways signed it just now; null otherwise.</summary>
    public async Task<byte[]?> ReadSignedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();
        var timestamp = request.Headers[SmsGateway.TimestampHeader].ToString();
        var signature = Encoding.ASCII.GetBytes(request.Headers[SmsGateway.SignatureHeader].ToString());
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds) > MaxSkew.TotalSeconds)
        {
            return null;
        }

        foreach (var secret in new[] { sms.Value.Secret, push.Value.Secret }.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            if (CryptographicOperations.FixedTimeEquals(signature, Encoding.ASCII.GetBytes(SmsGateway.Sign(secret!, timestamp, body))))
            {
                return body;
            }
        }

        return null;
    }
}
