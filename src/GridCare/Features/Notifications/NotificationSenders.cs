using GridCare.Platform.Messaging;

namespace GridCare.Features.Notifications;

/// <summary>Sends one outbox message on its channel; returns the provider's message id, <c>log</c> in demo mode.</summary>
public interface INotificationSender
{
    bool Handles(NotificationChannel channel);

    /// <exception cref="Exception">Any failure; the dispatcher retries the message later.</exception>
    Task<string> SendAsync(NotificationMessage message, CancellationToken cancellationToken);
}

public sealed class SmsNotificationSender(ISmsSender sms) : INotificationSender
{
    public bool Handles(NotificationChannel channel) => channel == NotificationChannel.Sms;

    public async Task<string> SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var receipt = await sms.SendAsync(new SmsMessage(message.DeliveryId, message.Recipient!, message.Text), cancellationToken);
        return receipt.LeftTheMachine ? receipt.GatewayMessageId ?? message.DeliveryId : LoggedMessages.ProviderId;
    }
}

public sealed class PushNotificationSender(IPushSender push) : INotificationSender
{
    public bool Handles(NotificationChannel channel) => channel is NotificationChannel.WeChat or NotificationChannel.AppPush;

    public Task<string> SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var wechat = message.Channel == NotificationChannel.WeChat;
        return push.SendAsync(
            new PushMessage(message.DeliveryId, wechat ? PushMessage.WeChat : PushMessage.App, wechat ? message.Recipient : null, wechat ? null : message.Recipient, message.Subject, message.Text),
            cancellationToken);
    }
}

public sealed class EmailNotificationSender(IEmailSender email) : INotificationSender
{
    public bool Handles(NotificationChannel channel) => channel == NotificationChannel.Email;

    public Task<string> SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return email.SendAsync(new EmailMessage(message.DeliveryId, message.Recipient!, message.Subject, message.Text), cancellationToken);
    }
}
