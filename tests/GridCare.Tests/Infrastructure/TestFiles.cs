using System.Net.Http.Headers;
using System.Text;

namespace GridCare.Tests.Infrastructure;

/// <summary>Small real files for upload tests; a variant tag keeps each test's content (and hash) its own.</summary>
public static class TestFiles
{
    /// <summary>A 4×3 red PNG that browsers draw; the tag goes after its end chunk, where decoders ignore it.</summary>
    public static byte[] Png(string tag) =>
    [
        .. Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGM4IScHRww4OQD1xwwxB+utmQAAAABJRU5ErkJggg=="),
        .. Encoding.UTF8.GetBytes(tag),
    ];

    /// <summary>JPEG signature and a JFIF header: what a phone camera's file starts with.</summary>
    public static byte[] Jpeg(string tag, int padding = 0) =>
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        .. Encoding.UTF8.GetBytes(tag), .. new byte[padding], 0xFF, 0xD9,
    ];

    public static byte[] Pdf(string tag) => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {tag}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    public static MultipartFormDataContent Form(byte[] content, string fileName, string? contentType, string? visibleToCustomer = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        if (contentType is not null)
        {
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        form.Add(file, "file", fileName);
        if (visibleToCustomer is not null)
        {
            form.Add(new StringContent(visibleToCustomer), "visibleToCustomer");
        }

        return form;
    }
}
