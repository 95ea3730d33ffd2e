using System.Security.Cryptography;
using GridCare.Features.Attachments;
using GridCare.Platform;
using GridCare.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GridCare.Tests;

/// <summary>The file store: content is staged aside, committed whole under its order, and never kept over the limit.</summary>
public sealed class FileAttachmentStoreTests : IDisposable
{
    private const string Number = "DF20261127-000042";
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "gridcare-store-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));

    private string Staging => Path.Combine(dataDirectory, "attachments", ".staging");

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Commit_StagedContent_IsReadBackWholeUnderTheOrderAndLeavesNothingStaged()
    {
        var store = Store();
        var photo = TestFiles.Jpeg("commit", padding: 200_000);

        using var staged = await store.StageAsync(new MemoryStream(photo), 1_000_000, TestContext.Current.CancellationToken);
        await store.CommitAsync(staged, Number, TestContext.Current.CancellationToken);
        await using var read = store.OpenRead(Number, staged.Sha256);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy, TestContext.Current.CancellationToken);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(photo)), staged.Sha256);
        Assert.Equal(photo.Length, staged.SizeBytes);
        Assert.Equal(photo, copy.ToArray());
        Assert.Empty(Directory.GetFiles(Staging));
    }

    [Fact]
    public async Task Commit_TheSameContentTwice_KeepsOneFile()
    {
        var store = Store();
        var photo = TestFiles.Png("twice");

        using var first = await store.StageAsync(new MemoryStream(photo), 1_000_000, TestContext.Current.CancellationToken);
        using var second = await store.StageAsync(new MemoryStream(photo), 1_000_000, TestContext.Current.CancellationToken);
        await store.CommitAsync(first, Number, TestContext.Current.CancellationToken);
        await store.CommitAsync(second, Number, TestContext.Current.CancellationToken);

        Assert.Single(Directory.GetFiles(Path.Combine(dataDirectory, "attachments", Number)));
        Assert.Empty(Directory.GetFiles(Staging));
    }

    [Fact]
    public async Task Stage_ContentOverTheLimit_IsTooLargeAndKeepsNothing()
    {
        var store = Store();

        using var staged = await store.StageAsync(new MemoryStream(TestFiles.Jpeg("big", padding: 5_000)), 4_096, TestContext.Current.CancellationToken);

        Assert.True(staged.IsTooLarge);
        Assert.Empty(Directory.GetFiles(Staging));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.CommitAsync(staged, Number, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Stage_First_RemovesStagedFilesADayOld_AndKeepsRecentOnes()
    {
        Directory.CreateDirectory(Staging);
        var crashed = Path.Combine(Staging, "crashed.part");
        var recent = Path.Combine(Staging, "in-flight.part");
        await File.WriteAllBytesAsync(crashed, [0xFF, 0xD8], TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(recent, [0xFF, 0xD8], TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(crashed, time.GetUtcNow().UtcDateTime.AddDays(-2));
        File.SetLastWriteTimeUtc(recent, time.GetUtcNow().UtcDateTime.AddMinutes(-5));

        using var staged = await Store().StageAsync(new MemoryStream(TestFiles.Png("sweep")), 1_000_000, TestContext.Current.CancellationToken);

        Assert.False(File.Exists(crashed));
        Assert.True(File.Exists(recent));
    }

    [Theory]
    [InlineData("../../etc", "0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(Number, "../../../etc/passwd")]
    public void OpenRead_APathInsteadOfANumberOrHash_IsRefused(string number, string sha256) =>
        Assert.Throws<ArgumentException>(() => Store().OpenRead(number, sha256));

    [Fact]
    public void OpenRead_ContentNeverCommitted_IsNothing() =>
        Assert.Null(Store().OpenRead(Number, new string('0', 64)));

    private FileAttachmentStore Store() => new(
        Options.Create(new AttachmentsOptions()), Options.Create(new GridCareOptions { DataDirectory = dataDirectory }), time);
}
