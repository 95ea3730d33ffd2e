using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GridCare.Platform.Auth;

public sealed record TokenRequest([property: Required] string Username, [property: Required] string Password);

public sealed record TokenResponse(string AccessToken, long ExpiresIn);

/// <summary>
/// Exchanges a staff user name and password for a bearer token (an opaque, data-protected ticket that carries the
/// user's roles and org unit). Failed attempts count towards lockout, as console sign-ins do.
/// </summary>
public sealed class IssueToken(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    IOptionsMonitor<BearerTokenOptions> bearerOptions,
    TimeProvider time)
{
    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> HandleAsync(TokenRequest request, IssueToken handler)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        var token = await handler.IssueAsync(request.Username, request.Password);
        return token is null
            ? TypedResults.Problem(title: "Invalid username or password", detail: "The user name or password is wrong, or the account is locked.", statusCode: StatusCodes.Status401Unauthorized)
            : TypedResults.Ok(token);
    }

    public async Task<TokenResponse?> IssueAsync(string username, string password)
    {
        var user = await users.FindByNameAsync(username);
        if (user is null)
        {
            return null;
        }

        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            return null;
        }

        var options = bearerOptions.Get(IdentityConstants.BearerScheme);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var properties = new AuthenticationProperties { ExpiresUtc = time.GetUtcNow() + options.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme);
        return new TokenResponse(options.BearerTokenProtector.Protect(ticket), (long)options.BearerTokenExpiration.TotalSeconds);
    }
}
