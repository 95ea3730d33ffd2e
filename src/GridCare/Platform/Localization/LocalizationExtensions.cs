using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace GridCare.Platform.Localization;

public static class LocalizationExtensions
{
    public static readonly string[] Cultures = ["zh-CN", "en-US"];

    public static IServiceCollection AddGridCareLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Cultures[0]).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);

            // Chinese first: the console is zh-CN unless the user picked English (cookie) or a link asks for it
            // (?culture=); the browser's Accept-Language is deliberately not consulted.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static WebApplication UseGridCareLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    /// <summary><c>GET /culture/set?culture=en-US&amp;returnUrl=/customers</c>: remembers the choice in a cookie and goes back.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/set", ([FromQuery] string culture, [FromQuery] string? returnUrl, HttpContext context) =>
            {
                var chosen = Cultures.Contains(culture, StringComparer.OrdinalIgnoreCase) ? culture : Cultures[0];
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureInfo.GetCultureInfo(chosen))),
                    new CookieOptions { Expires = DateTimeOffset.MaxValue, HttpOnly = false, SameSite = SameSiteMode.Lax, IsEssential = true });
                var target = !string.IsNullOrEmpty(returnUrl) && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                    ? returnUrl
                    : "/";
                return TypedResults.LocalRedirect(target);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}
