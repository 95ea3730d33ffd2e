using System.Security.Claims;
using GridCare.Domain.Customers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Portal.SignIn;

/// <summary>
/// Customers sign in to the portal with their phone on record and a texted code. Their cookie is a scheme of its own,
/// scoped to <c>/portal</c>, carrying only the verified phone and no staff role, so it can never open the console or
/// the API; the orders shown are those of the accounts with that phone on record.
/// </summary>
public static class PortalCustomerAuth
{
    public const string Scheme = "GridCare.Customer";
    public const string Role = "customer";

    /// <summary>The policy the customer's pages carry (components may not name a scheme themselves; a policy may).</summary>
    public const string Policy = "portal-customer";

    public static IServiceCollection AddPortalCustomerAuth(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.LoginPath = "/portal/login";
            o.LogoutPath = "/portal/logout";
            o.AccessDeniedPath = "/portal/login";
            o.Cookie.Name = Scheme;
            o.Cookie.Path = "/portal";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(Role));
        services.AddOptions<CookieAuthenticationOptions>(Scheme)
            .Configure<IOptions<PortalOptions>>((cookie, portal) => cookie.ExpireTimeSpan = portal.Value.SessionLifetime);
        services.AddScoped<RequestSignInCode>();
        services.AddScoped<VerifySignInCode>();
        services.AddScoped<ListCustomerOrders>();
        return services;
    }

    public static IEndpointRouteBuilder MapPortalCustomerAuth(this IEndpointRouteBuilder app)
    {
        app.MapPost("/portal/logout", (Delegate)SignOutAsync)
            .WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
        return app;
    }

    public static Task SignInAsync(HttpContext context, string verifiedPhone)
    {
        ArgumentNullException.ThrowIfNull(context);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, verifiedPhone),
                new Claim(ClaimTypes.Name, PersonalData.MaskPhone(verifiedPhone) ?? string.Empty),
                new Claim(ClaimTypes.Role, Role),
            ],
            Scheme);
        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The verified phone of a signed-in customer, or null for anyone else (staff included).</summary>
    public static string? Phone(ClaimsPrincipal? user) =>
        user?.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == Scheme)?.FindFirst(ClaimTypes.NameIdentifier)?.Value;

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(Scheme);
        return Results.LocalRedirect("/portal");
    }
}
