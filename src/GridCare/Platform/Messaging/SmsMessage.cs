namespace GridCare.Platform.Messaging;

/// <summary>One text message: <paramref name="Id"/> is ours and lets the gateway drop a retried duplicate.</summary>
public sealed record SmsMessage(string Id, string To, string Text);

/// <summary>What sending did: delivered to a gateway (with its message id) or only written to the log.</summary>
public sealed record SmsReceipt(bool LeftTheMachine, string? GatewayMessageId);

/// <summary>Sends text messages to customers' phones.</summary>
public interface ISmsSender
{
    /// <summary>Whether messages actually reach phones; false when no gateway is configured.</summary>
    bool Delivers { get; }

    /// <exception cref="SmsSendException">The gateway refused the message or could not be reached.</exception>
    Task<SmsReceipt> SendAsync(SmsMessage message, CancellationToken cancellationToken);
}

public sealed class SmsSendException(string message, Exception? inner = null) : Exception(message, inner);
