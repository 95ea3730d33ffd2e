namespace GridCare.Analytics.Network.OpenDss;

/// <summary>Something in an OpenDSS file that the import cannot read, with the file and line it is on.</summary>
public sealed class DssFormatException : Exception
{
    public DssFormatException()
    {
    }

    public DssFormatException(string message)
        : base(message)
    {
    }

    public DssFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DssFormatException(string file, int line, string message)
        : base($"{file}:{line}: {message}")
    {
        File = file;
        Line = line;
    }

    public string? File { get; }

    public int Line { get; }
}
