using GridCare.Domain.WorkOrders;
using GridCare.Features.WorkOrders;
using GridCare.Platform.Database;

namespace GridCare.Features.Classification;

/// <summary>
/// When an agent reclassifies an order, compares the new type and class with what the model reads in the customer's
/// first words on the order and stores a correction if they differ — in the same save as the reclassification.
/// </summary>
public sealed class CorrectionOnReclassify(AppDbContext db, ActiveClassifier active) : IWorkOrderChangeHandler
{
    public Task OnChangedAsync(WorkOrder order, ChangeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(context);
        var change = order.History.Count > 0 ? order.History[^1] : null;
        if (change is not { Action: WorkOrderAction.Reclassify } || change.At != context.AtUtc)
        {
            return Task.CompletedTask;
        }

        var words = order.Entries.FirstOrDefault(e => e.Kind == EntryKind.CustomerContact)?.Text;
        if (string.IsNullOrWhiteSpace(words) || active.Classify(words) is not { } suggestion)
        {
            return Task.CompletedTask;
        }

        RecordCorrection.AddIfDifferent(
            db, suggestion, words, order.Type, order.ComplaintClass, CorrectionSource.WorkOrder, order.Number, order.OrgUnitId, context.Actor, context.AtUtc);
        return Task.CompletedTask;
    }
}
