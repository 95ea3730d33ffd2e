using System.Globalization;
using GridCare.Analytics.Classification;

namespace GridCare.Features.Classification;

/// <summary>An evaluation as Markdown tables (the CLI prints it; docs/classifier-evaluation.md is its output).</summary>
public static class EvaluationReportText
{
    public static void Write(ClassifierEvaluation evaluation, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(writer);
        Section(writer, "Type", evaluation.Type);
        Section(writer, "Complaint class (true complaints)", evaluation.ComplaintClass);
        writer.WriteLine(Invariant($"Joint labels (12): accuracy {evaluation.Label.Accuracy:F4}, macro-F1 {evaluation.Label.MacroF1:F4}"));
    }

    private static void Section(TextWriter writer, string title, MulticlassReport report)
    {
        writer.WriteLine(Invariant($"## {title}: {report.Count} texts, accuracy {report.Accuracy:F4}, macro-F1 {report.MacroF1:F4}"));
        writer.WriteLine();
        writer.WriteLine("| class | precision | recall | F1 | support |");
        writer.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var c in report.PerClass)
        {
            writer.WriteLine(Invariant($"| {c.Name} | {c.Precision:F3} | {c.Recall:F3} | {c.F1:F3} | {c.Support} |"));
        }

        writer.WriteLine();
        writer.WriteLine("Confusion matrix (rows: true, columns: predicted):");
        writer.WriteLine();
        writer.WriteLine("| true \\ predicted | " + string.Join(" | ", report.Classes) + " |");
        writer.WriteLine("|---|" + string.Concat(report.Classes.Select(_ => "---:|")));
        for (var i = 0; i < report.Classes.Count; i++)
        {
            writer.WriteLine($"| {report.Classes[i]} | " + string.Join(" | ", report.Confusion[i].Select(n => n.ToString(CultureInfo.InvariantCulture))) + " |");
        }

        writer.WriteLine();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
