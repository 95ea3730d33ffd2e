using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Attachments;

/// <summary>
/// Short-lived links to customer-visible attachments for the portal, whose customers do not sign in. A link is handed
/// out only on a page shown after the number + phone check; it names one attachment of one order and an expiry, and
/// is encrypted and signed with the data-protection keys (shared by all instances through the data directory), so it
/// can be neither forged nor widened to another file. Passed on, it stops working after
/// <see cref="AttachmentsOptions.PortalLinkLifetime"/>.
/// </summary>
public sealed class AttachmentLinks(IDataProtectionProvider protection, TimeProvider time, IOptions<AttachmentsOptions> options)
{
    private readonly IDataProtector protector = protection.CreateProtector("GridCare.Attachments.PortalLink.v1");

    public string Create(string number, Guid attachmentId)
    {
        var expires = time.GetUtcNow().Add(options.Value.PortalLinkLifetime).ToUnixTimeSeconds();
        var payload = string.Join('|', number, attachmentId.ToString("N"), expires.ToString(CultureInfo.InvariantCulture));
        return WebEncoders.Base64UrlEncode(protector.Protect(System.Text.Encoding.UTF8.GetBytes(payload)));
    }

    public string UrlOf(string number, Guid attachmentId) => "/portal/attachments/" + Create(number, attachmentId);

    /// <summary>The order and attachment a link names, or null when it is not one of ours or has expired.</summary>
    public (string Number, Guid AttachmentId)? Read(string token)
    {
        string[] parts;
        try
        {
            parts = System.Text.Encoding.UTF8.GetString(protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('|');
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }

        if (parts.Length != 3
            || !Guid.TryParseExact(parts[1], "N", out var id)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || time.GetUtcNow().ToUnixTimeSeconds() >= expires)
        {
            return null;
        }

        return (parts[0], id);
    }
}
