using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using GridCare.Features.Portal.SignIn;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Portal;

/// <summary>
/// The customer self-service portal (the web channel): server-rendered pages under <c>/portal</c> to report a fault or
/// complaint, track an order and rate a finished one without signing in; customers who sign in with a texted code
/// see all their accounts' orders.
/// </summary>
public static class PortalFeature
{
    /// <summary>The rate-limit policy the portal pages carry; it limits their form posts, not page views.</summary>
    public const string PostsPolicy = "portal-posts";

    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<PortalScope>();
        services.AddScoped<SubmitPortalReport>();
        services.AddScoped<TrackPortalOrder>();
        services.AddScoped<RecordPortalRevisit>();
        services.AddPortalCustomerAuth();
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(PostsPolicy, PostsPartition);
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app) => app.MapPortalCustomerAuth();

    private static RateLimitPartition<string> PostsPartition(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var options = context.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value;
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.PostsPerWindow,
            Window = options.Window,
            QueueLimit = 0,
        });
    }

    /// <summary>A 429 with a small page in the customer's language, not a bare status code.</summary>
    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var l = context.RequestServices.GetRequiredService<IStringLocalizer<PortalStrings>>();
        var window = context.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.Window;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(window.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
        var html = HtmlEncoder.Create(UnicodeRanges.All);
        await context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="{html.Encode(CultureInfo.CurrentUICulture.Name)}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{html.Encode(l["RateLimited_Title"])}</title><link rel="stylesheet" href="/portal.css" /></head>
            <body class="portal"><main class="portal-main"><div class="portal-card" data-testid="rate-limited">
            <h1>{html.Encode(l["RateLimited_Title"])}</h1><p>{html.Encode(l["RateLimited_Text"])}</p>
            <p><a href="/portal">{html.Encode(l["Back_Home"])}</a></p></div></main></body></html>
            """,
            cancellationToken);
    }
}
