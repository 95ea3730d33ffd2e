using System.ComponentModel.DataAnnotations;

namespace GridCare.Platform;

/// <summary>Where GridCare keeps its files: the SQLite database, the meter store, keys, models and attachments.</summary>
public sealed class GridCareOptions
{
    public const string Section = "GridCare";

    /// <summary>The data directory, relative to the working directory unless absolute. Default <c>./gridcare-data</c>.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./gridcare-data";

    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);

    public string PathInData(params string[] parts) => Path.Combine([DataDirectoryFullPath, .. parts]);
}
