using GridCare.Domain.Customers;

namespace GridCare.Platform.Messaging;

/// <summary>The sender without a gateway: the message goes to the log (phone masked) and nowhere else.</summary>
public sealed partial class LoggedSms(ILogger<LoggedSms> logger) : ISmsSender
{
    public bool Delivers => false;

    public Task<SmsReceipt> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        LogNotSent(logger, message.Id, PersonalData.MaskPhone(message.To) ?? string.Empty, message.Text);
        return Task.FromResult(new SmsReceipt(false, null));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS {Id} to {To} not sent (no GridCare:Sms:GatewayUrl configured): {Text}")]
    private static partial void LogNotSent(ILogger logger, string id, string to, string text);
}
