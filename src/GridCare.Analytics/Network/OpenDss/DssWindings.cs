namespace GridCare.Analytics.Network.OpenDss;

/// <summary>One winding of a transformer: its bus, kV and kVA (OpenDSS defaults 12.47 kV and 1,000 kVA).</summary>
public sealed record DssWinding(string? Bus, double Kv, double Kva);

/// <summary>Replays a transformer's assignments in order: <c>wdg=</c> selects the winding that <c>bus=</c>, <c>kv=</c>, <c>kva=</c> set; <c>buses=</c>, <c>kvs=</c>, <c>kvas=</c> set all.</summary>
internal static class DssWindings
{
    public static List<DssWinding> Of(DssElement transformer)
    {
        var windings = new List<DssWinding> { new(null, 12.47, 1000), new(null, 12.47, 1000) };
        var active = 0;
        foreach (var (name, value) in transformer.Assignments)
        {
            switch (name)
            {
                case "windings" when int.TryParse(value, out var count) && count >= 1:
                    while (windings.Count < count)
                    {
                        windings.Add(new(null, 12.47, 1000));
                    }

                    windings.RemoveRange(count, windings.Count - count);
                    active = Math.Min(active, count - 1);
                    break;
                case "wdg" when int.TryParse(value, out var number) && number >= 1 && number <= windings.Count:
                    active = number - 1;
                    break;
                case "bus":
                    windings[active] = windings[active] with { Bus = value };
                    break;
                case "kv" when Parse(value) is { } kv:
                    windings[active] = windings[active] with { Kv = kv };
                    break;
                case "kva" when Parse(value) is { } kva:
                    windings[active] = windings[active] with { Kva = kva };
                    break;
                case "buses":
                    Each(value, windings, (w, v) => w with { Bus = v });
                    break;
                case "kvs":
                    Each(value, windings, (w, v) => Parse(v) is { } kv ? w with { Kv = kv } : w);
                    break;
                case "kvas":
                    Each(value, windings, (w, v) => Parse(v) is { } kva ? w with { Kva = kva } : w);
                    break;
            }
        }

        return windings;
    }

    private static void Each(string list, List<DssWinding> windings, Func<DssWinding, string, DssWinding> apply)
    {
        var values = list.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < values.Length && i < windings.Count; i++)
        {
            windings[i] = apply(windings[i], values[i]);
        }
    }

    private static double? Parse(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
