using System.ComponentModel.DataAnnotations;

namespace GridCare.Platform.Messaging;

/// <summary>The WeChat/app push gateway; signed like the SMS gateway. Unset: push messages only go to the log.</summary>
public sealed class PushOptions
{
    public const string Section = "GridCare:Push";

    /// <summary>The gateway's send endpoint, e.g. <c>https://push.example.cn/v1/messages</c>. Unset: log only.</summary>
    public Uri? GatewayUrl { get; set; }

    /// <summary>The shared secret the request body is signed with (HMAC-SHA256). Required with a gateway URL.</summary>
    public string? Secret { get; set; }

    /// <summary>How long one send may take before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>The SMTP server email notifications are sent through. Without a host, email only goes to the log.</summary>
public sealed class EmailOptions
{
    public const string Section = "GridCare:Email";

    /// <summary>The SMTP server, e.g. <c>smtp.example.cn</c>. Unset: log only.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Require TLS (STARTTLS, or implicit TLS on port 465). Off only for a relay on a trusted network.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>The account to authenticate as; no authentication when unset.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address, e.g. <c>"大方供电局 &lt;notice@example.cn&gt;"</c>. Required with a host.</summary>
    public string? From { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
