namespace GridCare.Analytics.MeterData.Events;

/// <summary>
/// The event kinds the store keeps, named as the API names them (camelCase). Collection systems export them in many
/// spellings (<c>power_off</c>, <c>POWER-OFF</c>), so parsing ignores case, underscores, hyphens and spaces.
/// </summary>
public static class MeterEventKinds
{
    /// <summary>A meter's last gasp (停电事件).</summary>
    public const string PowerOff = "powerOff";

    /// <summary>A meter powered up again (上电事件).</summary>
    public const string PowerOn = "powerOn";

    /// <summary>A transformer terminal lost voltage (失压).</summary>
    public const string VoltageLoss = "voltageLoss";

    /// <summary>A transformer terminal has voltage again.</summary>
    public const string VoltageRestored = "voltageRestored";

    /// <summary>The meter or terminal cover was opened (开盖) — a classic sign of tampering.</summary>
    public const string CoverOpen = "coverOpen";

    /// <summary>The terminal block cover was opened (端钮盒开盖).</summary>
    public const string TerminalCoverOpen = "terminalCoverOpen";

    /// <summary>The device clock is off (时钟异常); its readings' times are suspect.</summary>
    public const string ClockError = "clockError";

    /// <summary>Energy flowed backwards (反向有功/潮流反向): a PV export, or a meter wired to run backwards.</summary>
    public const string ReverseFlow = "reverseFlow";

    /// <summary>A strong magnetic field near the meter (恒定磁场干扰) — another tampering sign.</summary>
    public const string MagneticInterference = "magneticInterference";

    /// <summary>One phase lost voltage (断相).</summary>
    public const string PhaseLoss = "phaseLoss";

    public static readonly IReadOnlyList<string> All =
        [PowerOff, PowerOn, VoltageLoss, VoltageRestored, CoverOpen, TerminalCoverOpen, ClockError, ReverseFlow, MagneticInterference, PhaseLoss];

    /// <summary>Events that suggest someone tampered with the meter (suspected theft findings count them).</summary>
    public static readonly IReadOnlyList<string> Tampering = [CoverOpen, TerminalCoverOpen, MagneticInterference];

    private static readonly Dictionary<string, string> ByKey = All.ToDictionary(Key, k => k, StringComparer.Ordinal);

    /// <summary>The canonical name of <paramref name="text"/>, or null when it is not a kind the store keeps.</summary>
    public static string? Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : ByKey.GetValueOrDefault(Key(text));

    private static string Key(string text) =>
        string.Concat(text.Where(c => c is not ('_' or '-' or ' '))).ToUpperInvariant();
}
