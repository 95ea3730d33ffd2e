using System.Buffers;
using System.Security.Cryptography;
using GridCare.Domain.WorkOrders;
using GridCare.Platform;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Attachments;

/// <summary>
/// Attachments as files: <c>&lt;directory&gt;/&lt;order number&gt;/&lt;sha256&gt;</c>, staged in
/// <c>&lt;directory&gt;/.staging</c> on the same file system so that committing is a rename, which either happens whole
/// or not at all. Staged files left by a crash are removed after a day.
/// </summary>
public sealed class FileAttachmentStore : IAttachmentStore
{
    private const int BufferSize = 81_920;
    private static readonly TimeSpan StaleAfter = TimeSpan.FromDays(1);

    private readonly string root;
    private readonly string staging;
    private readonly TimeProvider time;
    private int swept;

    public FileAttachmentStore(IOptions<AttachmentsOptions> options, IOptions<GridCareOptions> gridCare, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gridCare);
        var directory = options.Value.Directory;
        root = Path.IsPathRooted(directory) ? directory : gridCare.Value.PathInData(directory);
        staging = Path.Combine(root, ".staging");
        this.time = time;
    }

    public async Task<StagedAttachment> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(staging);
        SweepOnce();
        var path = Path.Combine(staging, Guid.NewGuid().ToString("N") + ".part");
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[AttachmentTypes.HeadLength];
            var headLength = 0;
            long size = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        break;
                    }

                    var toHead = Math.Min(read, head.Length - headLength);
                    buffer.AsSpan(0, toHead).CopyTo(head.AsSpan(headLength));
                    headLength += toHead;
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                // On disk before it can be committed: a crash after the commit must not leave a short file behind.
                file.Flush(flushToDisk: true);
            }

            if (size > maxBytes)
            {
                File.Delete(path);
                return new StagedAttachment(path, string.Empty, size, isTooLarge: true, []);
            }

            return new StagedAttachment(path, Convert.ToHexStringLower(hash.GetHashAndReset()), size, isTooLarge: false, head[..headLength]);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public Task CommitAsync(StagedAttachment staged, string orderNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        if (staged.IsTooLarge)
        {
            throw new InvalidOperationException("Content over the size limit is never committed.");
        }

        var target = PathOf(orderNumber, staged.Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!File.Exists(target))
        {
            try
            {
                File.Move(staged.Path, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                // The same content was committed by a concurrent upload of it; what is there is identical.
            }
        }

        staged.Dispose();
        return Task.CompletedTask;
    }

    public Stream? OpenRead(string orderNumber, string sha256)
    {
        try
        {
            return new FileStream(PathOf(orderNumber, sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    // Both parts come from GridCare (a parsed order number, a computed hash), never from a path a client sent;
    // checking them keeps it that way.
    private string PathOf(string orderNumber, string sha256)
    {
        if (!WorkOrderNumber.TryParse(orderNumber, out _))
        {
            throw new ArgumentException($"'{orderNumber}' is not a work order number.", nameof(orderNumber));
        }

        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException($"'{sha256}' is not a lower-case hex SHA-256.", nameof(sha256));
        }

        return Path.Combine(root, orderNumber, sha256);
    }

    private void SweepOnce()
    {
        if (Interlocked.Exchange(ref swept, 1) == 1)
        {
            return;
        }

        var cutoff = time.GetUtcNow().UtcDateTime - StaleAfter;
        foreach (var file in new DirectoryInfo(staging).EnumerateFiles("*.part").Where(f => f.LastWriteTimeUtc < cutoff))
        {
            file.Delete();
        }
    }
}
