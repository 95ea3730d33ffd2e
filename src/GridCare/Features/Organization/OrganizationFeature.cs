namespace GridCare.Features.Organization;

public static class OrganizationFeature
{
    public static IServiceCollection AddOrganization(this IServiceCollection services) => services.AddScoped<ImportOrgUnits>();
}
