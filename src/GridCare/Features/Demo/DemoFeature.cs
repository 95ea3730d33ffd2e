namespace GridCare.Features.Demo;

public static class DemoFeature
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddScoped<SeedDemo>();
        services.AddScoped<SeedDemoReadings>();
        services.AddHostedService<DemoReadingsWorker>();
        return services;
    }
}
