using System.Data.Common;
using System.Threading.Channels;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridCare.Features.Intake.Receiving;

/// <summary>
/// Group commit for intake (ADR 0011): requests queue their checked contact here and a writer takes everything queued
/// so far as one batch, saves it in one transaction through <see cref="TakeInContacts"/> and then answers each
/// request. Under load the cost of a transaction — its round trips, locks and commit flush — is shared
/// by the whole batch instead of paid per contact; at low load a batch is one contact and nothing waits.
/// </summary>
public sealed partial class IntakeWriter(
    IServiceScopeFactory scopes, IOptions<IntakeOptions> options, IOptions<DatabaseOptions> database, ILogger<IntakeWriter> logger) : BackgroundService
{
    // Large enough to share a commit among the contacts of 200 busy connections, small enough that one batch's
    // transaction stays short.
    private const int MaxBatch = 128;

    // A conflict means an order of the batch changed under it (a dispatcher, another instance): read and try again.
    private const int MaxAttempts = 10;

    private readonly Channel<PendingContact> queue = Channel.CreateBounded<PendingContact>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait });

    public async Task<ReceiveContactResult> SubmitAsync(PendingContact contact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        await queue.Writer.WriteAsync(contact, cancellationToken);
        return await contact.Answer.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite has one write lock: a second writer would only wait for it.
        var writers = database.Value.Provider == DatabaseProvider.Sqlite ? 1 : options.Value.Writers;
        try
        {
            await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => WriteAsync(stoppingToken)));
        }
        finally
        {
            queue.Writer.TryComplete();
            while (queue.Reader.TryRead(out var left))
            {
                left.Fail(new OperationCanceledException("GridCare is stopping; the contact was not taken in."));
            }
        }
    }

    private async Task WriteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingContact>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var contact))
                {
                    if (contact.CancellationToken.IsCancellationRequested)
                    {
                        contact.Cancel();
                    }
                    else
                    {
                        batch.Add(contact);
                    }
                }

                if (batch.Count > 0)
                {
                    // A batch that has begun is finished even when the host stops: its requests are waiting for it.
                    await CommitAsync(batch);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CommitAsync(List<PendingContact> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var results = await scope.ServiceProvider.GetRequiredService<TakeInContacts>().HandleAsync(batch, CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Complete(results[i]);
                }

                return;
            }
            catch (Exception exception) when (IsConflict(exception) && attempt < MaxAttempts)
            {
                // A burst of calls about one order can collide repeatedly; a short random pause spreads the retries.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)));
            }
            catch (Exception exception) when (batch.Count > 1)
            {
                // One contact must not fail the others: take each in on its own and let only the culprit fail.
                LogSplit(logger, batch.Count, exception);
                foreach (var contact in batch)
                {
                    await CommitAsync([contact]);
                }

                return;
            }
            catch (DbUpdateException exception) when (!IsConflict(exception))
            {
                // The same message arrived at another instance at once and was saved first: answer with its order.
                await AnswerEarlierOrFailAsync(batch[0], exception);
                return;
            }
            catch (Exception exception)
            {
                LogFailed(logger, exception);
                batch[0].Fail(exception);
                return;
            }
        }
    }

    private async Task AnswerEarlierOrFailAsync(PendingContact contact, Exception exception)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var earlier = await scope.ServiceProvider.GetRequiredService<TakeInContacts>().FindEarlierAsync([contact], CancellationToken.None);
            if (earlier.TryGetValue(contact.MessageKey, out var received))
            {
                contact.Complete(new ReceiveContactResult.AlreadyReceived(received));
                return;
            }
        }
        catch (Exception lookup) when (lookup is DbException or DbUpdateException)
        {
            LogFailed(logger, lookup);
        }

        LogFailed(logger, exception);
        contact.Fail(exception);
    }

    private static bool IsConflict(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbException db => db.IsTransient,
        DbUpdateException { InnerException: DbException db } => db.IsTransient,
        InvalidOperationException { InnerException: DbException db } => db.IsTransient,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "An intake batch of {Count} contacts failed; taking each in on its own")]
    private static partial void LogSplit(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A contact could not be taken in")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
