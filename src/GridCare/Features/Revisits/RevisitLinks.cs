using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using GridCare.Platform;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Revisits;

/// <summary>A new invitation link: the token for the URL, its hash for the task, and when it expires.</summary>
public sealed record RevisitLink(string Token, string TokenHash, DateTime ExpiresAtUtc, Uri Url);

/// <summary>
/// Signed, expiring tokens for the revisit links in SMS invitations: 16 bytes of expiry and randomness with a
/// truncated HMAC-SHA256, 43 characters in the URL — short enough for an SMS. The signature turns away forged or
/// edited tokens before any database look-up; the task keeps only the token's hash, and the token works once because
/// the task stops being open when it is answered. Survey links use the same tokens and key with a purpose of their own
/// (<see cref="Create(DateTime, string, string)"/>), so a token made for one never verifies as the other.
/// </summary>
public sealed class RevisitLinks
{
    private const int PayloadBytes = 16;
    private const int TagBytes = 16;
    private const string RevisitPurpose = "gridcare/revisit-link/v1";

    private readonly byte[] key;
    private readonly Uri baseUrl;

    public RevisitLinks(IOptions<RevisitsOptions> options, IOptions<GridCareOptions> gridCare)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gridCare);
        key = options.Value.LinkSigningKey is { } configured
            ? Convert.FromBase64String(configured)
            : KeyFile(gridCare.Value.PathInData("keys", "revisit-links.key"));
        var url = options.Value.PublicBaseUrl;
        baseUrl = new Uri(url.EndsWith('/') ? url : url + "/");
    }

    public RevisitLink Create(DateTime expiresAtUtc) => Create(expiresAtUtc, RevisitPurpose, "portal/revisit/");

    /// <summary>A token signed for <paramref name="purpose"/>, and its URL at <paramref name="path"/> under the public base URL.</summary>
    public RevisitLink Create(DateTime expiresAtUtc, string purpose, string path) => Create(expiresAtUtc, purpose, path, null);

    /// <summary>
    /// A token for <paramref name="purpose"/> whose random part is derived from <paramref name="subject"/> with the key
    /// instead of drawn: the same subject and expiry give the same token again, so a page can show a link it did not
    /// store (the hash is all that is kept), while nobody without the key can make or guess it.
    /// </summary>
    public RevisitLink CreateFor(DateTime expiresAtUtc, string purpose, string path, string subject)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        return Create(expiresAtUtc, purpose, path, subject);
    }

    private RevisitLink Create(DateTime expiresAtUtc, string purpose, string path, string? subject)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        Span<byte> token = stackalloc byte[PayloadBytes + TagBytes];
        BinaryPrimitives.WriteUInt32BigEndian(token, checked((uint)new DateTimeOffset(expiresAtUtc, TimeSpan.Zero).ToUnixTimeSeconds()));
        if (subject is null)
        {
            RandomNumberGenerator.Fill(token[4..PayloadBytes]);
        }
        else
        {
            // A label of its own, so the derived bytes are never the signature of some other payload.
            Span<byte> derived = stackalloc byte[TagBytes];
            Sign(purpose + "/nonce/" + subject, token[..4], derived);
            derived[..(PayloadBytes - 4)].CopyTo(token[4..PayloadBytes]);
        }

        Sign(purpose, token[..PayloadBytes], token[PayloadBytes..]);
        var text = Base64Url.EncodeToString(token);
        return new RevisitLink(text, Hash(text), expiresAtUtc, new Uri(baseUrl, path + text));
    }

    /// <summary>The expiry a token was signed with, or null when the token was not made here (forged, edited, cut off).</summary>
    public DateTime? ReadExpiry(string? token) => ReadExpiry(token, RevisitPurpose);

    /// <summary>The expiry of a token signed for <paramref name="purpose"/>; null for any other token.</summary>
    public DateTime? ReadExpiry(string? token, string purpose)
    {
        Span<byte> bytes = stackalloc byte[PayloadBytes + TagBytes + 3];
        if (string.IsNullOrEmpty(token) || token.Length > 64
            || !Base64Url.TryDecodeFromChars(token, bytes, out var length) || length != PayloadBytes + TagBytes)
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[TagBytes];
        Sign(purpose, bytes[..PayloadBytes], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[PayloadBytes..length]))
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(bytes)).UtcDateTime;
    }

    /// <summary>SHA-256 of the token, in hex: what the task stores to find the token's revisit.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    private void Sign(string purpose, ReadOnlySpan<byte> payload, Span<byte> tag)
    {
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var prefix = Encoding.ASCII.GetByteCount(purpose);
        var message = new byte[prefix + payload.Length];
        Encoding.ASCII.GetBytes(purpose, message);
        payload.CopyTo(message.AsSpan(prefix));
        HMACSHA256.HashData(key, message, full);
        full[..TagBytes].CopyTo(tag);
    }

    /// <summary>Reads the generated key, or makes it on first use; instances sharing the data directory share it.</summary>
    private static byte[] KeyFile(string path)
    {
        if (File.Exists(path))
        {
            return ReadKey(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var created = RandomNumberGenerator.GetBytes(32);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var writer = new StreamWriter(path, Encoding.ASCII, options);
            writer.Write(Convert.ToBase64String(created));
            return created;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance wrote it first: use theirs, so links signed there verify here.
            return ReadKey(path);
        }
    }

    private static byte[] ReadKey(string path)
    {
        // The instance that created the file may still be writing it.
        for (var attempt = 0; ; attempt++)
        {
            var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
            if (key.Length >= 32 || attempt == 20)
            {
                return key.Length >= 32 ? key : throw new InvalidOperationException($"The revisit link key in {path} is shorter than 32 bytes.");
            }

            Thread.Sleep(50);
        }
    }
}
