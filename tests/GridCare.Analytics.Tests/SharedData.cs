namespace GridCare.Analytics.Tests;

/// <summary>
/// The real third-party data sets beside the repository (<c>../shared/data</c>, see its INDEX.md). They are not part
/// of a fresh clone, so tests that use them skip when the folder is absent.
/// </summary>
internal static class SharedData
{
    public static string? Folder(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data", name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static string RequireFolder(string name)
    {
        var folder = Folder(name);
        if (folder is null)
        {
            Assert.Skip($"../shared/data/{name} is not here; this test runs where the shared data sets are.");
        }

        return folder;
    }
}
