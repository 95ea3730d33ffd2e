namespace GridCare.Features.Customers;

public static class CustomersFeature
{
    public static IServiceCollection AddCustomers(this IServiceCollection services)
    {
        services.AddScoped<SearchCustomers>();
        services.AddScoped<GetCustomer>();
        services.AddScoped<ImportCustomers>();
        return services;
    }

    public static IEndpointRouteBuilder MapCustomers(this IEndpointRouteBuilder app)
    {
        app.MapCustomerEndpoints();
        return app;
    }
}
