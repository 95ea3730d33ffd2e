namespace GridCare.Features.Notifications;

/// <summary>
/// Customer notifications: features enqueue messages in their own transaction (<see cref="NotificationOutbox"/>),
/// a dispatcher delivers them by SMS, WeChat/app push or email with retries, and staff see each message's status.
/// </summary>
public static class NotificationsFeature
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<NotificationSignal>();
        return services;
    }
}
