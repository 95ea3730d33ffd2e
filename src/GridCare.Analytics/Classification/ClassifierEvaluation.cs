namespace GridCare.Analytics.Classification;

/// <summary>Precision, recall and F1 of one class, with its number of true examples.</summary>
public sealed record ClassMetrics(string Name, double Precision, double Recall, double F1, int Support);

/// <summary>Accuracy, macro-F1 (the unweighted mean of the classes' F1), per-class metrics and the confusion matrix (rows: true, columns: predicted).</summary>
public sealed record MulticlassReport(IReadOnlyList<string> Classes, double Accuracy, double MacroF1, IReadOnlyList<ClassMetrics> PerClass, int[][] Confusion, int Count)
{
    public static MulticlassReport From(IReadOnlyList<string> classes, IEnumerable<(int Truth, int Predicted)> pairs)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var confusion = classes.Select(_ => new int[classes.Count]).ToArray();
        var count = 0;
        foreach (var (truth, predicted) in pairs)
        {
            confusion[truth][predicted]++;
            count++;
        }

        var perClass = new List<ClassMetrics>();
        for (var k = 0; k < classes.Count; k++)
        {
            var tp = confusion[k][k];
            var support = confusion[k].Sum();
            var predictedK = confusion.Sum(row => row[k]);
            var precision = predictedK == 0 ? 0 : (double)tp / predictedK;
            var recall = support == 0 ? 0 : (double)tp / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassMetrics(classes[k], precision, recall, f1, support));
        }

        // Classes without a single true example in the test set would pull macro-F1 down for nothing; they are left out.
        var present = perClass.Where(c => c.Support > 0).ToList();
        var correct = Enumerable.Range(0, classes.Count).Sum(k => confusion[k][k]);
        return new MulticlassReport(
            classes,
            count == 0 ? 0 : (double)correct / count,
            present.Count == 0 ? 0 : present.Average(c => c.F1),
            perClass,
            confusion,
            count);
    }
}

/// <summary>
/// A model on labelled texts: the type (eight classes), the complaint class of the true complaints (five, taken
/// from the class probabilities whatever type won, so a class error is not counted twice) and the twelve joint
/// labels — whose macro-F1 decides whether a retrained model may replace the active one.
/// </summary>
public sealed record ClassifierEvaluation(MulticlassReport Type, MulticlassReport ComplaintClass, MulticlassReport Label)
{
    public static ClassifierEvaluation Run(TextClassifier classifier, IReadOnlyList<LabelledText> rows)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(rows);
        var results = rows.Select(r => (Row: r, Result: classifier.Classify(r.Text, 0))).ToList();
        var types = Enum.GetValues<Domain.WorkOrders.WorkOrderType>();
        var classes = Enum.GetValues<Domain.WorkOrders.ComplaintClass>();
        return new ClassifierEvaluation(
            MulticlassReport.From(
                [.. types.Select(t => ClassLabel.Camel(t.ToString()))],
                results.Select(r => ((int)r.Row.Type, (int)r.Result.Type))),
            MulticlassReport.From(
                [.. classes.Select(c => ClassLabel.Camel(c.ToString()))],
                results.Where(r => r.Row.ComplaintClass is not null)
                    .Select(r => ((int)r.Row.ComplaintClass!.Value, (int)r.Result.ComplaintClassProbabilities.MaxBy(p => p.Value).Key))),
            MulticlassReport.From(
                [.. ClassLabel.All.Select(l => l.ToString())],
                results.Select(r => (r.Row.Label.Index, ClassLabel.Of(r.Result.Type, r.Result.ComplaintClass).Index))));
    }
}
