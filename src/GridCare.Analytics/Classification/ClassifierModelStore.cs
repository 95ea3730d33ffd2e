using System.Text.Json;
using System.Text.Json.Serialization;

namespace GridCare.Analytics.Classification;

/// <summary>What a stored model was trained on and how well it did on the held-out split.</summary>
public sealed record ClassifierModelInfo(
    string Version,
    DateTime CreatedAtUtc,
    string Algorithm,
    int CorpusRows,
    int CorrectionRows,
    int TrainRows,
    int TestRows,
    double TypeAccuracy,
    double TypeMacroF1,
    double LabelMacroF1,
    double TrainingSeconds);

/// <summary>
/// Models as versioned folders under <c>models/classifier/</c> of the data directory — <c>&lt;version&gt;/model.zip</c>
/// (ML.NET), <c>vocabulary.tsv</c>, <c>model.json</c> — and a file <c>active</c> naming the one in use, replaced
/// atomically so another instance or a restart never reads half a name. Old versions stay for roll-back.
/// </summary>
public sealed class ClassifierModelStore(string directory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string Directory { get; } = directory;

    private string ActiveFile => Path.Combine(Directory, "active");

    public string? ActiveVersion() =>
        File.Exists(ActiveFile) && File.ReadAllText(ActiveFile).Trim() is { Length: > 0 } version ? version : null;

    public TextClassifier? LoadActive() => ActiveVersion() is { } version ? Load(version) : null;

    public TextClassifier Load(string version)
    {
        var folder = Folder(version);
        var ml = Ml.Create();
        var model = ml.Model.Load(Path.Combine(folder, "model.zip"), out _);
        using var reader = new StreamReader(Path.Combine(folder, "vocabulary.tsv"));
        return new TextClassifier(ml, model, Vocabulary.Read(reader), version);
    }

    public ClassifierModelInfo? Info(string version)
    {
        var file = Path.Combine(Folder(version), "model.json");
        return File.Exists(file) ? JsonSerializer.Deserialize<ClassifierModelInfo>(File.ReadAllText(file), Json) : null;
    }

    public IReadOnlyList<ClassifierModelInfo> List() => System.IO.Directory.Exists(Directory)
        ? [.. System.IO.Directory.GetDirectories(Directory).Select(d => Info(Path.GetFileName(d))).OfType<ClassifierModelInfo>().OrderByDescending(i => i.Version, StringComparer.Ordinal)]
        : [];

    /// <summary>Writes a model's folder (not active yet); a folder of the same version is replaced.</summary>
    public void Save(TextClassifier classifier, ClassifierModelInfo info)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(info);
        var folder = Folder(info.Version);
        var staging = folder + ".tmp";
        if (System.IO.Directory.Exists(staging))
        {
            System.IO.Directory.Delete(staging, recursive: true);
        }

        System.IO.Directory.CreateDirectory(staging);
        var ml = Ml.Create();
        var schema = ml.Data.LoadFromEnumerable(new List<FeatureRow>(), FeatureRow.Schema(classifier.Vocabulary.Size)).Schema;
        ml.Model.Save(classifier.Model, schema, Path.Combine(staging, "model.zip"));
        using (var writer = new StreamWriter(Path.Combine(staging, "vocabulary.tsv")))
        {
            classifier.Vocabulary.Write(writer);
        }

        File.WriteAllText(Path.Combine(staging, "model.json"), JsonSerializer.Serialize(info, Json));
        if (System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }

        System.IO.Directory.Move(staging, folder);
    }

    public void Activate(string version)
    {
        if (!System.IO.Directory.Exists(Folder(version)))
        {
            throw new ArgumentException($"No model {version} in {Directory}.", nameof(version));
        }

        var temporary = ActiveFile + ".tmp";
        File.WriteAllText(temporary, version);
        File.Move(temporary, ActiveFile, overwrite: true);
    }

    private string Folder(string version)
    {
        if (version.Length == 0 || version.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || version.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{version}' is not a model version.", nameof(version));
        }

        return Path.Combine(Directory, version);
    }
}
