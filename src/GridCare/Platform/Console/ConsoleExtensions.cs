namespace GridCare.Platform.Console;

public static class ConsoleExtensions
{
    /// <summary>The Blazor staff console: server-interactive components with Ant Design, zh-CN by default.</summary>
    public static IServiceCollection AddConsole(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddAntDesign();
        return services;
    }

    public static WebApplication MapConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
