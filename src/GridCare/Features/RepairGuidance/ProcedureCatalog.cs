using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using GridCare.Domain.RepairGuidance;

namespace GridCare.Features.RepairGuidance;

/// <summary>
/// The shipped procedures (<c>guidance/procedures/*.json</c> at the repository root, embedded in the executable):
/// data, not code, so a utility's engineers can change a procedure without touching C#. Read once at start; a
/// procedure with problems stops the start, as a broken procedure in a crew's hands would be worse.
/// </summary>
public sealed class ProcedureCatalog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private readonly Dictionary<string, RepairProcedure> byCode;

    public ProcedureCatalog()
        : this(Shipped())
    {
    }

    public ProcedureCatalog(IEnumerable<RepairProcedure> procedures)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        All = [.. procedures.OrderBy(p => p.Code, StringComparer.Ordinal)];
        var problems = All.SelectMany(p => p.Problems()).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Repair procedures: " + string.Join(" ", problems));
        }

        byCode = All.ToDictionary(p => p.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<RepairProcedure> All { get; }

    public RepairProcedure? Find(string? code) => code is not null && byCode.TryGetValue(code, out var procedure) ? procedure : null;

    /// <summary>English texts for an English UI culture, Chinese otherwise.</summary>
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static RepairProcedure Parse(string json, string name) =>
        JsonSerializer.Deserialize<RepairProcedure>(json, Json) ?? throw new FormatException($"{name} holds no procedure.");

    private static List<RepairProcedure> Shipped()
    {
        var assembly = typeof(ProcedureCatalog).Assembly;
        var procedures = new List<RepairProcedure>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("guidance/procedures/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            procedures.Add(Parse(reader.ReadToEnd(), name));
        }

        return procedures;
    }
}
