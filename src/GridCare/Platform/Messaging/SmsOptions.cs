using System.ComponentModel.DataAnnotations;

namespace GridCare.Platform.Messaging;

/// <summary>
/// The SMS gateway GridCare posts text messages to. Without a gateway URL nothing leaves the machine: messages are
/// written to the log, which is only acceptable in demo mode (sign-in codes then show on the portal page).
/// </summary>
public sealed class SmsOptions
{
    public const string Section = "GridCare:Sms";

    /// <summary>The gateway's send endpoint, e.g. <c>https://sms.example.cn/v1/messages</c>. Unset: log only.</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>The shared secret the request body is signed with (HMAC-SHA256). Required with a gateway URL.</summary>
    public string? Secret { get; set; }

    /// <summary>The sender name the gateway prefixes (签名), e.g. 【大方供电】.</summary>
    [StringLength(32)]
    public string SenderName { get; set; } = "GridCare";

    /// <summary>How long one send may take before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
