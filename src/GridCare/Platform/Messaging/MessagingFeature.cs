using Microsoft.Extensions.Options;

namespace GridCare.Platform.Messaging;

public static class MessagingFeature
{
    /// <summary>The SMS and push gateways and the SMTP server when configured, the log otherwise (see <see cref="SmsOptions"/>, <see cref="PushOptions"/>, <see cref="EmailOptions"/>).</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.GatewayUrl is null || !string.IsNullOrWhiteSpace(o.Secret), $"{SmsOptions.Section}:Secret is required with a gateway URL.")
            .ValidateOnStart();

        services.AddOptions<PushOptions>().BindConfiguration(PushOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.GatewayUrl is null || !string.IsNullOrWhiteSpace(o.Secret), $"{PushOptions.Section}:Secret is required with a gateway URL.")
            .ValidateOnStart();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.Host) || MimeKit.MailboxAddress.TryParse(o.From, out _), $"{EmailOptions.Section}:From must be a mail address with a host.")
            .ValidateOnStart();

        if (configuration.GetSection(SmsOptions.Section).Get<SmsOptions>()?.GatewayUrl is null)
        {
            services.AddSingleton<ISmsSender, LoggedSms>();
        }
        else
        {
            services.AddHttpClient<ISmsSender, SmsGateway>((provider, http) =>
                http.Timeout = provider.GetRequiredService<IOptions<SmsOptions>>().Value.Timeout);
        }

        if (configuration.GetSection(PushOptions.Section).Get<PushOptions>()?.GatewayUrl is null)
        {
            services.AddSingleton<IPushSender, LoggedPush>();
        }
        else
        {
            services.AddHttpClient<IPushSender, PushGateway>((provider, http) =>
                http.Timeout = provider.GetRequiredService<IOptions<PushOptions>>().Value.Timeout);
        }

        if (string.IsNullOrWhiteSpace(configuration.GetSection(EmailOptions.Section).Get<EmailOptions>()?.Host))
        {
            services.AddSingleton<IEmailSender, LoggedEmail>();
        }
        else
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }

        return services;
    }
}
