namespace GridCare.Platform.Messaging;

/// <summary>
/// One WeChat template message or app push: <paramref name="Id"/> is ours (the gateway drops a retried duplicate),
/// <paramref name="OpenId"/> the WeChat user, <paramref name="AppUserId"/> the app account.
/// </summary>
public sealed record PushMessage(string Id, string Channel, string? OpenId, string? AppUserId, string Title, string Text)
{
    public const string WeChat = "wechat";
    public const string App = "app";
}

/// <summary>Sends WeChat and app push messages; returns the gateway's message id, <c>log</c> when only logged.</summary>
public interface IPushSender
{
    Task<string> SendAsync(PushMessage message, CancellationToken cancellationToken);
}

/// <summary>One email in plain text; <paramref name="Id"/> becomes the Message-Id, so a resend is recognisable.</summary>
public sealed record EmailMessage(string Id, string To, string Subject, string Text);

/// <summary>Sends email; returns the message id used, <c>log</c> when only logged.</summary>
public interface IEmailSender
{
    Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

public sealed class MessageSendException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The provider id of a message that was only written to the log (no gateway configured: demo mode).</summary>
public static class LoggedMessages
{
    public const string ProviderId = "log";
}
