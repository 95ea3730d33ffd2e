namespace GridCare.Features.Notifications;

/// <summary>
/// Customer notifications: features enqueue messages in their own transaction (<see cref="NotificationOutbox"/>),
/// a dispatcher delivers them by SMS, WeChat/app push or email with retries, and staff see each message's status.
/// </summary>
public static class NotificationsFeature
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationsOptions>().BindConfiguration(NotificationsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NotificationSignal>();
        services.AddScoped<INotificationSender, SmsNotificationSender>();
        services.AddScoped<INotificationSender, PushNotificationSender>();
        services.AddScoped<INotificationSender, EmailNotificationSender>();
        services.AddScoped<DispatchNotifications>();
        services.AddHostedService<NotificationDispatcher>();
        services.AddScoped<EditNotificationPreferences>();
        services.AddScoped<GatewayCallbacks>();
        services.AddScoped<RecordDeliveryReceipt>();
        return services;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app) => app.MapNotificationEndpoints();
}
