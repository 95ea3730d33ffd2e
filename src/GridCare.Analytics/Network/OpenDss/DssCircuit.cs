namespace GridCare.Analytics.Network.OpenDss;

/// <summary>One element as the script left it: its class, name, property assignments in order, and whether a command opened it.</summary>
public sealed class DssElement(string elementClass, string name, DssCommand definedAt)
{
    public string Class { get; } = elementClass;

    public string Name { get; } = name;

    public DssCommand DefinedAt { get; } = definedAt;

    /// <summary>Every assignment in order (<c>like=</c> already expanded), so winding-relative properties replay correctly.</summary>
    public List<DssParameter> Assignments { get; } = [];

    /// <summary>Set by <c>Open</c> (true) or <c>Close</c> (false); null when never switched by command.</summary>
    public bool? OpenedByCommand { get; set; }

    public string? Last(string property)
    {
        for (var i = Assignments.Count - 1; i >= 0; i--)
        {
            if (Assignments[i].Name == property)
            {
                return Assignments[i].Value;
            }
        }

        return null;
    }

    public double? Number(string property) =>
        Last(property) is { } text && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    public bool Flag(string property) => Last(property) is { } text && DssCircuit.IsYes(text);

    public bool Enabled => Last("enabled") is not { } text || DssCircuit.IsYes(text);
}

/// <summary>
/// The elements a script defines, built by replaying its <c>New</c>, <c>Edit</c>, <c>Open</c>, <c>Close</c> and
/// <c>Clear</c> commands. Only what the network tree needs is interpreted; other commands (<c>Set</c>, <c>Solve</c>,
/// <c>BusCoords</c>, …) are skipped. Positional parameters take the class's leading property names.
/// </summary>
public sealed class DssCircuit
{
    private static readonly Dictionary<string, string[]> PositionalProperties = new(StringComparer.Ordinal)
    {
        ["line"] = ["bus1", "bus2", "linecode", "length", "phases"],
        ["load"] = ["phases", "bus1", "kv", "kw", "pf"],
        ["transformer"] = ["phases", "windings", "wdg", "bus", "conn", "kv", "kva"],
        ["vsource"] = ["bus1", "basekv", "pu"],
        ["swtcontrol"] = ["switchedobj", "switchedterm", "action"],
        ["regcontrol"] = ["transformer", "winding"],
        ["reactor"] = ["bus1", "bus2"],
        ["fuse"] = ["monitoredobj", "monitoredterm", "switchedobj"],
        ["recloser"] = ["monitoredobj", "monitoredterm", "switchedobj"],
    };

    private readonly Dictionary<string, DssElement> elements = new(StringComparer.Ordinal);

    public string? Name { get; private set; }

    /// <summary>Elements in definition order.</summary>
    public IEnumerable<DssElement> Elements => elements.Values;

    public IEnumerable<DssElement> OfClass(string elementClass) => elements.Values.Where(e => e.Class == elementClass);

    public DssElement? Find(string elementClass, string name) => elements.GetValueOrDefault(Key(elementClass, name));

    public static DssCircuit Load(string masterPath) => From(DssReader.Read(masterPath));

    public static DssCircuit From(IEnumerable<DssCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var circuit = new DssCircuit();
        foreach (var command in commands)
        {
            circuit.Apply(command);
        }

        if (circuit.Name is null)
        {
            throw new DssFormatException("the script defines no circuit ('New Circuit.name')");
        }

        return circuit;
    }

    public static bool IsYes(string text) => text.Trim().ToLowerInvariant() is "y" or "yes" or "true" or "t" or "1";

    private void Apply(DssCommand command)
    {
        switch (command.Verb)
        {
            case "clear":
                elements.Clear();
                Name = null;
                break;
            case "new":
                New(command);
                break;
            case "edit":
                Edit(command);
                break;
            case "open" or "close":
                var target = Reference(command, "object", out _);
                var element = elements.GetValueOrDefault(Key(target.Class, target.Name))
                    ?? throw new DssFormatException(command.File, command.Line, $"{command.Verb} names '{target.Class}.{target.Name}', which is not defined");
                element.OpenedByCommand = command.Verb == "open";
                break;
        }
    }

    private void New(DssCommand command)
    {
        var (elementClass, name) = Reference(command, "object", out var rest);
        if (elementClass == "circuit")
        {
            // A circuit is its source: OpenDSS creates Vsource.Source with the circuit's properties.
            Name = name;
            elementClass = "vsource";
            name = "source";
        }

        var element = new DssElement(elementClass, name, command);
        elements[Key(elementClass, name)] = element;
        Assign(element, rest, command);
    }

    private void Edit(DssCommand command)
    {
        var (elementClass, name) = Reference(command, "object", out var rest);
        var element = elements.GetValueOrDefault(Key(elementClass == "circuit" ? "vsource" : elementClass, elementClass == "circuit" ? "source" : name))
            ?? throw new DssFormatException(command.File, command.Line, $"Edit names '{elementClass}.{name}', which is not defined");
        Assign(element, rest, command);
    }

    private void Assign(DssElement element, IEnumerable<DssParameter> parameters, DssCommand command)
    {
        var positional = PositionalProperties.GetValueOrDefault(element.Class, []);
        var next = 0;
        foreach (var parameter in parameters)
        {
            var name = parameter.Name;
            if (name is null)
            {
                if (next >= positional.Length)
                {
                    continue; // positional values of properties the tree does not use
                }

                name = positional[next++];
            }
            else
            {
                var index = Array.IndexOf(positional, name);
                next = index >= 0 ? index + 1 : next;
            }

            if (name == "like")
            {
                var model = elements.GetValueOrDefault(Key(element.Class, parameter.Value))
                    ?? throw new DssFormatException(command.File, command.Line, $"like={parameter.Value}: no {element.Class} of that name is defined before");
                element.Assignments.AddRange(model.Assignments);
                continue;
            }

            element.Assignments.Add(new DssParameter(name, parameter.Value));
        }
    }

    /// <summary>The element a command names: its first parameter, <c>Class.Name</c> (or <c>object=Class.Name</c>).</summary>
    private static (string Class, string Name) Reference(DssCommand command, string keyword, out IEnumerable<DssParameter> rest)
    {
        var first = command.Parameters.Count > 0 ? command.Parameters[0] : default;
        var text = first.Name is null || first.Name == keyword ? first.Value : null;
        var dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (text is null || dot <= 0 || dot == text.Length - 1)
        {
            throw new DssFormatException(command.File, command.Line, $"{command.Verb} needs an element as Class.Name");
        }

        rest = command.Parameters.Skip(1);
        return (text[..dot].ToLowerInvariant(), text[(dot + 1)..]);
    }

    private static string Key(string elementClass, string name) => elementClass + "." + name.ToLowerInvariant();
}
