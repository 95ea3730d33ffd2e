using System.Text;

namespace GridCare.Features.Attachments;

/// <summary>
/// What a file is by its first bytes (its signature), whatever name or type the sender gave it: a renamed executable
/// or an HTML page sent as <c>photo.jpg</c> is not a photo.
/// </summary>
public static class AttachmentTypes
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Webp = "image/webp";
    public const string Heic = "image/heic";
    public const string Heif = "image/heif";
    public const string Pdf = "application/pdf";

    /// <summary>How many leading bytes <see cref="Detect"/> needs at most.</summary>
    public const int HeadLength = 64;

    public static IReadOnlyList<string> Known { get; } = [Jpeg, Png, Webp, Heic, Heif, Pdf];

    /// <summary>The types browsers draw in an <c>img</c>; HEIC/HEIF (iPhone photos) are offered as downloads instead.</summary>
    public static bool IsBrowserImage(string contentType) => contentType is Jpeg or Png or Webp;

    /// <summary>The short names people know the types by, e.g. "JPEG, PNG, PDF", in the order of <see cref="Known"/>.</summary>
    public static string Names(IReadOnlySet<string> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        return string.Join(", ", Known.Where(types.Contains).Select(t => t switch
        {
            Jpeg => "JPEG",
            Png => "PNG",
            Webp => "WebP",
            Heic => "HEIC",
            Heif => "HEIF",
            _ => "PDF",
        }));
    }

    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return Webp;
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        return HeifBrand(head);
    }

    /// <summary>The type a sender declared, in the spelling <see cref="Known"/> uses; null when it declared nothing useful.</summary>
    public static string? NormalizeDeclared(string? declared)
    {
        var type = declared?.Split(';')[0].Trim().ToLowerInvariant();
        return type switch
        {
            null or "" or "application/octet-stream" => null,
            "image/jpg" or "image/pjpeg" => Jpeg,
            "image/heic-sequence" => Heic,
            "image/heif-sequence" => Heif,
            _ => type,
        };
    }

    /// <summary>The file extension for a type, for files sent without a name.</summary>
    public static string Extension(string contentType) => contentType switch
    {
        Jpeg => ".jpg",
        Png => ".png",
        Webp => ".webp",
        Heic => ".heic",
        Heif => ".heif",
        Pdf => ".pdf",
        _ => string.Empty,
    };

    // HEIF files are ISO media files: a 'ftyp' box whose major or compatible brands name the codec. AVIF shares the
    // container (brand 'mif1' too), so a file is HEIC only when a HEVC brand is present.
    private static string? HeifBrand(ReadOnlySpan<byte> head)
    {
        if (head.Length < 16 || !head[4..8].SequenceEqual("ftyp"u8))
        {
            return null;
        }

        var boxLength = Math.Min((head[0] << 24) | (head[1] << 16) | (head[2] << 8) | head[3], head.Length);
        var brands = new List<string> { Encoding.ASCII.GetString(head[8..12]) };
        for (var offset = 16; offset + 4 <= boxLength; offset += 4)
        {
            brands.Add(Encoding.ASCII.GetString(head[offset..(offset + 4)]));
        }

        if (brands.Exists(b => b is "heic" or "heix" or "heim" or "heis" or "hevc" or "hevx" or "hevm" or "hevs"))
        {
            return Heic;
        }

        return brands[0] is "mif1" or "msf1" && !brands.Contains("avif") && !brands.Contains("avis") ? Heif : null;
    }
}
