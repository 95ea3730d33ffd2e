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
/// the task stops being open when it is answered.
/// </summary>
public sealed class RevisitLinks
{
    private const int PayloadBytes = 16;
    private const int TagBytes = 16;
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("gridcare/revisit-link/v1");

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

    public RevisitLink Create(DateTime expiresAtUtc)
    {
        Span<byte> token = stackalloc byte[PayloadBytes + TagBytes];
        BinaryPrimitives.WriteUInt32BigEndian(token, checked((uint)new DateTimeOffset(expiresAtUtc, TimeSpan.Zero).ToUnixTimeSeconds()));
        RandomNumberGenerator.Fill(token[4..PayloadBytes]);
        Sign(token[..PayloadBytes], token[PayloadBytes..]);
        var text = Base64Url.EncodeToString(token);
        return new RevisitLink(text, Hash(text), expiresAtUtc, new Uri(baseUrl, "portal/revisit/" + text));
    }

    /// <summary>The expiry a token was signed with, or null when the token was not made here (forged, edited, cut off).</summary>
    public DateTime? ReadExpiry(string? token)
    {
        Span<byte> bytes = stackalloc byte[PayloadBytes + TagBytes + 3];
        if (string.IsNullOrEmpty(token) || token.Length > 64
            || !Base64Url.TryDecodeFromChars(token, bytes, out var length) || length != PayloadBytes + TagBytes)
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[TagBytes];
        Sign(bytes[..PayloadBytes], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[PayloadBytes..length]))
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(bytes)).UtcDateTime;
    }

    /// <summary>SHA-256 of the token, in hex: what the task stores to find the token's revisit.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    private void Sign(ReadOnlySpan<byte> payload, Span<byte> tag)
    {
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var message = new byte[Purpose.Length + payload.Length];
        Purpose.CopyTo(message, 0);
        payload.CopyTo(message.AsSpan(Purpose.Length));
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
