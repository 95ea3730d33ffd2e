using GridCare.Analytics.Classification;
using GridCare.Domain.WorkOrders;
using GridCare.Platform.Database;

namespace GridCare.Features.Classification;

/// <summary>
/// Adds a correction to the caller's context when the type or class a person chose differs from the model's
/// suggestion; the caller's save stores it (with the reclassification it belongs to, in the same transaction).
/// </summary>
public static class RecordCorrection
{
    public static bool AddIfDifferent(
        AppDbContext db,
        ClassificationResult suggestion,
        string text,
        WorkOrderType chosenType,
        ComplaintClass? chosenClass,
        CorrectionSource source,
        string? workOrderNumber,
        int orgUnitId,
        string actor,
        DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(suggestion);
        ArgumentNullException.ThrowIfNull(text);
        chosenClass = chosenType == WorkOrderType.Complaint ? chosenClass : null;
        if (suggestion.Type == chosenType && suggestion.ComplaintClass == chosenClass)
        {
            return false;
        }

        db.ClassificationCorrections.Add(new ClassificationCorrection
        {
            AtUtc = atUtc,
            Source = source,
            WorkOrderNumber = workOrderNumber,
            OrgUnitId = orgUnitId,
            Text = text.Length > ClassificationCorrection.TextMaxLength ? text[..ClassificationCorrection.TextMaxLength] : text,
            SuggestedType = suggestion.Type,
            SuggestedComplaintClass = suggestion.ComplaintClass,
            ChosenType = chosenType,
            ChosenComplaintClass = chosenClass,
            ModelVersion = suggestion.ModelVersion,
            Actor = actor,
        });
        return true;
    }
}
