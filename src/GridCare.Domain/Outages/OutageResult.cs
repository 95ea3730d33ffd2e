namespace GridCare.Domain.Outages;

public enum OutageErrorCode
{
    EndBeforeStart,
    StartInPast,
    NoticeTooShort,
    NotAllowedNow,
    EtrInPast,
    NothingToRestore,
}

public sealed record OutageError(OutageErrorCode Code, string Message);

/// <summary>The outage a change made, or why the change was refused (nothing changed then).</summary>
public sealed record OutageResult(Outage? Outage, OutageError? Error)
{
    public static OutageResult Done(Outage outage) => new(outage, null);

    public static OutageResult Refused(OutageErrorCode code, string message) => new(null, new OutageError(code, message));
}
