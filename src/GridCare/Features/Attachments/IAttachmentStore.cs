namespace GridCare.Features.Attachments;

/// <summary>
/// Where the content of attachments is kept (ARCHITECTURE.md: files in the data directory; in production the same on
/// shared storage). Content is first staged — written aside while it is measured and hashed — and committed under its
/// order only once it passed the checks and just before its row is saved, so a crash or a refused upload never leaves
/// a half-written file where a row points. Content is kept once per order and SHA-256, so committing the same content
/// twice is harmless.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>Writes <paramref name="content"/> aside, reading at most one byte more than <paramref name="maxBytes"/>.</summary>
    Task<StagedAttachment> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Moves staged content to its place under the order; content already there is kept as it is.</summary>
    Task CommitAsync(StagedAttachment staged, string orderNumber, CancellationToken cancellationToken);

    /// <summary>The content of one attachment, or null when the store does not hold it.</summary>
    Stream? OpenRead(string orderNumber, string sha256);
}

/// <summary>
/// Content written aside by <see cref="IAttachmentStore.StageAsync"/>: its size, hash and first bytes. Disposing it
/// removes what was not committed.
/// </summary>
public sealed class StagedAttachment(string path, string sha256, long sizeBytes, bool isTooLarge, byte[] head) : IDisposable
{
    /// <summary>Where the staged content lies; the store that made it is the only reader.</summary>
    public string Path { get; } = path;

    /// <summary>Lower-case hex; empty when the content was too large to keep.</summary>
    public string Sha256 { get; } = sha256;

    /// <summary>The bytes read; more than the limit when <see cref="IsTooLarge"/>.</summary>
    public long SizeBytes { get; } = sizeBytes;

    public bool IsTooLarge { get; } = isTooLarge;

    /// <summary>The first bytes of the content, enough to tell its type (<see cref="AttachmentTypes.Detect"/>).</summary>
    public ReadOnlyMemory<byte> Head { get; } = head;

    public void Dispose() => File.Delete(Path);
}
