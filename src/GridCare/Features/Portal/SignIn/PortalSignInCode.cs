using System.Security.Cryptography;
using System.Text;

namespace GridCare.Features.Portal.SignIn;

/// <summary>
/// A one-time code texted to a phone on record. Only a salted hash is stored; a code dies when used, when it expires
/// or after too many wrong guesses.
/// </summary>
public sealed class PortalSignInCode
{
    private PortalSignInCode()
    {
    }

    public long Id { get; private set; }

    public string Phone { get; private set; } = string.Empty;

    public string Salt { get; private set; } = string.Empty;

    public string CodeHash { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public int FailedAttempts { get; private set; }

    public DateTime? UsedAt { get; private set; }

    /// <summary>A new six-digit code for the phone; the plain code is returned once, to be texted, and never stored.</summary>
    public static (PortalSignInCode Row, string Code) Issue(string phone, DateTime now, TimeSpan lifetime)
    {
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var salt = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var row = new PortalSignInCode
        {
            Phone = phone,
            Salt = salt,
            CodeHash = Hash(salt, code),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        return (row, code);
    }

    public bool Matches(string code) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(Salt, code)), Encoding.ASCII.GetBytes(CodeHash));

    private static string Hash(string salt, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(salt + ":" + code)));
}
