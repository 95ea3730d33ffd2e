using System.Text.Json.Serialization;
using GridCare.Analytics.MeterData;
using GridCare.Platform.Auth;
using GridCare.Platform.Console;
using GridCare.Platform.Database;
using GridCare.Platform.Errors;
using GridCare.Platform.Localization;
using GridCare.Platform.Messaging;
using GridCare.Platform.OpenApi;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace GridCare.Platform;

public static class PlatformExtensions
{
    /// <summary>Everything cross-cutting: options, logs, database, auth, messaging, errors, OpenAPI, localisation and the console shell.</summary>
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }

        services.AddOptions<GridCareOptions>().BindConfiguration(GridCareOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new MeterStore(sp.GetRequiredService<IOptions<GridCareOptions>>().Value.PathInData("meters.duckdb")));

        var dataDirectory = builder.Configuration.GetSection(GridCareOptions.Section).Get<GridCareOptions>()?.DataDirectoryFullPath
            ?? new GridCareOptions().DataDirectoryFullPath;
        services.AddDataProtection()
            .SetApplicationName("GridCare")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));

        services.AddDatabase(builder.Configuration);
        services.AddAuth(builder.Configuration);
        services.AddMessaging(builder.Configuration);
        services.AddErrors();
        services.AddValidation();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddGridCareOpenApi();
        services.AddGridCareLocalization();
        services.AddConsole();
        services.AddHealthChecks();
        services.AddRateLimiter(_ => { });
        services.AddHostedService<Startup>();
        services.AddHostedService<StartupBanner>();
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseGridCareLocalization();
        app.UseAuthentication();
        app.UseAuthorization();

        // Endpoints opt in with a policy (the portal's form posts); without one nothing is limited.
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapGridCareOpenApi();
        app.MapCultureSwitch();
        app.MapAuth();
        return app;
    }
}
