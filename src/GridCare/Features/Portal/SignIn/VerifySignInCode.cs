using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Portal.SignIn;

/// <summary>
/// Checks a texted code against the phone's latest live code. A right code is consumed atomically, so two tabs posting
/// the same code sign in once; wrong guesses count, and the code dies after the configured number.
/// </summary>
public sealed class VerifySignInCode(AppDbContext db, IOptions<PortalOptions> options, TimeProvider time)
{
    /// <returns>The verified phone (normalised), or null.</returns>
    public async Task<string?> HandleAsync(string phoneTyped, string codeTyped, CancellationToken cancellationToken)
    {
        var phone = PortalCustomers.NormalizePhone(phoneTyped);
        var code = PortalCustomers.Normalize(codeTyped);
        var now = time.GetUtcNow().UtcDateTime;
        var attempts = options.Value.SignInCodeAttempts;
        var live = await db.Set<PortalSignInCode>()
            .Where(c => c.Phone == phone && c.UsedAt == null && c.ExpiresAt > now && c.FailedAttempts < attempts)
            .OrderByDescending(c => c.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (live is null)
        {
            return null;
        }

        if (!live.Matches(code))
        {
            await db.Set<PortalSignInCode>().Where(c => c.Id == live.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.FailedAttempts, c => c.FailedAttempts + 1), cancellationToken);
            return null;
        }

        var consumed = await db.Set<PortalSignInCode>().Where(c => c.Id == live.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, (DateTime?)now), cancellationToken);
        return consumed == 1 ? phone : null;
    }
}
