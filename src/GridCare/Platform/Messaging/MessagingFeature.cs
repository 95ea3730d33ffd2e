using Microsoft.Extensions.Options;

namespace GridCare.Platform.Messaging;

public static class MessagingFeature
{
    /// <summary>The SMS gateway when one is configured, the log otherwise (see <see cref="SmsOptions"/>).</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.GatewayUrl is null || !string.IsNullOrWhiteSpace(o.Secret), $"{SmsOptions.Section}:Secret is required with a gateway URL.")
            .ValidateOnStart();

        if (configuration.GetSection(SmsOptions.Section).Get<SmsOptions>()?.GatewayUrl is null)
        {
            services.AddSingleton<ISmsSender, LoggedSms>();
            return services;
        }

        services.AddHttpClient<ISmsSender, SmsGateway>((provider, http) =>
            http.Timeout = provider.GetRequiredService<IOptions<SmsOptions>>().Value.Timeout);
        return services;
    }
}
