namespace GridCare.Analytics.Network.OpenDss;

/// <summary>One parameter of a command: <c>name=value</c>, or a positional value (null name).</summary>
public readonly record struct DssParameter(string? Name, string Value);

/// <summary>One command of a script after comments and <c>~</c> continuations are resolved, with where it started.</summary>
public sealed record DssCommand(string File, int Line, string Verb, IReadOnlyList<DssParameter> Parameters)
{
    public string Where => $"{File}:{Line}";
}
