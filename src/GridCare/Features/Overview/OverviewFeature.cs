namespace GridCare.Features.Overview;

public static class OverviewFeature
{
    public static IServiceCollection AddOverview(this IServiceCollection services) => services.AddScoped<GetOverview>();
}
