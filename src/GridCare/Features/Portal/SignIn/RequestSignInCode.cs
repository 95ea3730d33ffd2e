using GridCare.Features.Demo;
using GridCare.Platform.Database;
using GridCare.Platform.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Portal.SignIn;

public enum SignInCodeOutcome
{
    /// <summary>A code was texted if the phone is on record; the answer is the same either way.</summary>
    Sent,

    /// <summary>The phone has had its codes for this hour.</summary>
    TooMany,

    /// <summary>No SMS gateway is configured outside demo mode, so nobody can receive a code.</summary>
    Unavailable,

    /// <summary>The gateway failed; nothing usable was sent.</summary>
    SendFailed,
}

/// <param name="Outcome">What happened; the page words it.</param>
/// <param name="DemoCode">Only in demo mode without a gateway: the code, for the page to show, since no SMS leaves the machine.</param>
public sealed record SignInCodeRequested(SignInCodeOutcome Outcome, string? DemoCode = null);

/// <summary>
/// Texts a one-time code to a phone on record. Whether the phone belongs to a customer is never revealed: an unknown
/// phone gets the same answer and no message.
/// </summary>
public sealed class RequestSignInCode(
    AppDbContext db,
    ISmsSender sms,
    IOptions<PortalOptions> options,
    IOptions<DemoOptions> demo,
    IStringLocalizer<PortalStrings> l,
    TimeProvider time)
{
    public async Task<SignInCodeRequested> HandleAsync(string phoneTyped, CancellationToken cancellationToken)
    {
        if (!sms.Delivers && !demo.Value.Enabled)
        {
            return new(SignInCodeOutcome.Unavailable);
        }

        var phone = PortalCustomers.NormalizePhone(phoneTyped);
        var now = time.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        var hourAgo = now.AddHours(-1);
        if (await db.Set<PortalSignInCode>().CountAsync(c => c.Phone == phone && c.CreatedAt > hourAgo, cancellationToken) >= settings.SignInCodesPerHour)
        {
            return new(SignInCodeOutcome.TooMany);
        }

        if (!await db.Customers.AnyAsync(c => c.Phone == phone, cancellationToken))
        {
            return new(SignInCodeOutcome.Sent);
        }

        var (row, code) = PortalSignInCode.Issue(phone, now, settings.SignInCodeLifetime);
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);

        var text = l["SignIn_Sms", code, (int)settings.SignInCodeLifetime.TotalMinutes].Value;
        try
        {
            var receipt = await sms.SendAsync(new SmsMessage($"portal-sign-in-{row.Id}", phone, text), cancellationToken);
            return new(SignInCodeOutcome.Sent, receipt.LeftTheMachine ? null : code);
        }
        catch (SmsSendException)
        {
            // A code nobody received must not count against the phone's hourly allowance.
            db.Remove(row);
            await db.SaveChangesAsync(cancellationToken);
            return new(SignInCodeOutcome.SendFailed);
        }
    }
}
