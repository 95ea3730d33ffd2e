using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace GridCare.Platform.Auth;

/// <summary>Ends the console session; posted from the layout's form with an antiforgery token.</summary>
public static class SignOut
{
    public static async Task<RedirectHttpResult> HandleAsync(SignInManager<StaffUser> signIn)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("~/login");
    }
}
