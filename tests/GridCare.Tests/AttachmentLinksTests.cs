using GridCare.Features.Attachments;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Tests;

/// <summary>The portal's links to attachments: they name one file of one order and stop working after their lifetime.</summary>
public class AttachmentLinksTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
    private readonly EphemeralDataProtectionProvider keys = new();

    [Fact]
    public void Read_ALinkWithinItsLifetime_NamesTheOrderAndAttachment()
    {
        var links = Links(TimeSpan.FromMinutes(30));
        var id = Guid.NewGuid();
        var token = links.Create("DF20261127-000001", id);

        time.Advance(TimeSpan.FromMinutes(29));

        Assert.Equal(("DF20261127-000001", id), links.Read(token));
    }

    [Fact]
    public void Read_ALinkPastItsLifetime_IsNothing()
    {
        var links = Links(TimeSpan.FromMinutes(30));
        var token = links.Create("DF20261127-000001", Guid.NewGuid());

        time.Advance(TimeSpan.FromMinutes(30));

        Assert.Null(links.Read(token));
    }

    [Fact]
    public void Read_ATamperedOrForeignToken_IsNothing()
    {
        var links = Links(TimeSpan.FromMinutes(30));
        var token = links.Create("DF20261127-000001", Guid.NewGuid());
        var foreign = new AttachmentLinks(new EphemeralDataProtectionProvider(), time, Options.Create(new AttachmentsOptions())).Create("DF20261127-000001", Guid.NewGuid());
        var otherPurpose = Convert.ToBase64String(keys.CreateProtector("other").Protect("DF20261127-000001|x|9999999999"u8.ToArray()));

        Assert.Null(links.Read(token[..^2] + (token[^2..] == "AA" ? "BB" : "AA")));
        Assert.Null(links.Read(foreign));
        Assert.Null(links.Read(otherPurpose));
        Assert.Null(links.Read("not-a-token"));
    }

    private AttachmentLinks Links(TimeSpan lifetime) =>
        new(keys, time, Options.Create(new AttachmentsOptions { PortalLinkLifetime = lifetime }));
}
