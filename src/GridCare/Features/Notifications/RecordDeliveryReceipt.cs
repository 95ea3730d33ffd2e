using System.Globalization;
using System.Text.Json;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.Notifications;

/// <summary>
/// A gateway's report on a message we gave it: <c>id</c> is our delivery id (<c>gc-n-…</c>), <c>status</c> is
/// <c>delivered</c> (SMS and push gateways report it) or <c>read</c> (WeChat and app push only), <c>at</c> the instant
/// (now when absent).
/// </summary>
public sealed record DeliveryReceipt(string? Id, string? Status, DateTimeOffset? At);

public enum ReceiptOutcome
{
    Recorded,
    Invalid,
    UnknownMessage,
}

/// <summary>
/// Records delivery and read receipts on the outbox rows. Gateways repeat receipts; the first instant is kept, and a
/// read message counts as delivered too.
/// </summary>
public sealed class RecordDeliveryReceipt(AppDbContext db, TimeProvider time)
{
    private const string IdPrefix = "gc-n-";

    public async Task<(ReceiptOutcome Outcome, Dictionary<string, string[]> Errors)> HandleAsync(byte[] body, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        DeliveryReceipt? receipt = null;
        try
        {
            receipt = JsonSerializer.Deserialize<DeliveryReceipt>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            errors["body"] = [$"Not a receipt: {e.Message}"];
        }

        long id = 0;
        if (receipt is not null && (receipt.Id is null || !receipt.Id.StartsWith(IdPrefix, StringComparison.Ordinal)
            || !long.TryParse(receipt.Id.AsSpan(IdPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out id)))
        {
            errors["id"] = [$"'{receipt.Id}' is not a GridCare delivery id ({IdPrefix}<number>)."];
        }

        var read = string.Equals(receipt?.Status, "read", StringComparison.OrdinalIgnoreCase);
        if (receipt is not null && !read && !string.Equals(receipt.Status, "delivered", StringComparison.OrdinalIgnoreCase))
        {
            errors["status"] = [$"'{receipt.Status}' is not delivered or read."];
        }

        if (errors.Count > 0 || receipt is null)
        {
            return (ReceiptOutcome.Invalid, errors.Count > 0 ? errors : new() { ["body"] = ["Empty receipt."] });
        }

        var messages = db.Set<NotificationMessage>().Where(m => m.Id == id && m.Status == NotificationStatus.Sent);
        if (!await messages.AnyAsync(cancellationToken))
        {
            return (ReceiptOutcome.UnknownMessage, errors);
        }

        var at = (receipt.At ?? time.GetUtcNow()).UtcDateTime;
        await messages.Where(m => m.DeliveredAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.DeliveredAt, at), cancellationToken);
        if (read)
        {
            await messages.Where(m => m.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, at), cancellationToken);
        }

        return (ReceiptOutcome.Recorded, errors);
    }
}
