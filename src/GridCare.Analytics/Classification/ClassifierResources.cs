namespace GridCare.Analytics.Classification;

/// <summary>The classifier's shipped text resources (dictionary, traditional map, flag lexicon), embedded in the assembly.</summary>
internal static class ClassifierResources
{
    /// <summary>The non-empty lines of a resource, without comment lines (starting with #).</summary>
    public static IEnumerable<string> Lines(string name)
    {
        var assembly = typeof(ClassifierResources).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("Classification.Resources." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line.Trim('\r');
            }
        }
    }
}
