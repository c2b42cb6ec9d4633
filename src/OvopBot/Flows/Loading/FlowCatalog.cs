using OvopBot.Flows.Definition;

namespace OvopBot.Flows.Loading;

/// <summary>All flows of the service, loaded and validated from one folder of <c>*.yaml</c> files.</summary>
public sealed class FlowCatalog
{
    private readonly Dictionary<string, FlowDefinition> _flows;
    private readonly Dictionary<(string Id, string Variant), FlowDefinition> _variants;

    private FlowCatalog(Dictionary<string, FlowDefinition> flows, Dictionary<(string, string), FlowDefinition> variants)
    {
        _flows = flows;
        _variants = variants;
    }

    public IReadOnlyCollection<FlowDefinition> Flows => _flows.Values;

    public FlowDefinition this[string id] => _flows.TryGetValue(id, out var flow)
        ? flow
        : throw new KeyNotFoundException($"no flow with id '{id}' (known: {string.Join(", ", _flows.Keys)})");

    public bool TryGet(string id, out FlowDefinition flow) => _flows.TryGetValue(id, out flow!);

    /// <summary>
    /// The flow as a channel should speak it: with its short texts (<see cref="TextVariants"/>) where the channel has a
    /// variant (SMS), else the flow itself. Same nodes, same answers; only the wording is shorter.
    /// </summary>
    public FlowDefinition For(string id, string channel) =>
        _variants.TryGetValue((id, channel), out var variant) ? variant : this[id];

    /// <summary>Loads every flow in the folder; throws <see cref="FlowLoadException"/> listing all errors.</summary>
    public static FlowCatalog Load(string directory)
    {
        var (catalog, errors) = TryLoad(directory);
        return errors.Count > 0 ? throw new FlowLoadException(errors) : catalog!;
    }

    /// <summary>Loads every flow in the folder and returns the errors instead of throwing.</summary>
    public static (FlowCatalog? Catalog, IReadOnlyList<FlowError> Errors) TryLoad(string directory)
    {
        var errors = new List<FlowError>();
        if (!Directory.Exists(directory))
        {
            errors.Add(new FlowError(directory, 0, "the flows folder does not exist (set Flows:Path)"));
            return (null, errors);
        }

        var flows = new Dictionary<string, FlowDefinition>();
        var variants = new Dictionary<(string, string), FlowDefinition>();
        var prefix = Path.GetFileName(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar));
        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var display = $"{prefix}/{Path.GetFileName(path)}";
            var yaml = File.ReadAllText(path);
            var flow = LoadText(display, yaml, errors);
            if (flow is null)
            {
                continue;
            }

            foreach (var name in TextVariants.All)
            {
                // The same file read again: a valid flow gives the same nodes, only the wording may differ.
                variants[(flow.Id, name)] = FlowReader.Read(display, yaml, [], name)!;
            }

            if (!flows.TryAdd(flow.Id, flow))
            {
                errors.Add(new FlowError(display, 1, $"flow id '{flow.Id}' is also used by {flows[flow.Id].SourceFile}"));
            }
        }

        if (flows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new FlowError(directory, 0, "no flow files (*.yaml) in the flows folder"));
        }

        return errors.Count > 0 ? (null, errors) : (new FlowCatalog(flows, variants), errors);
    }

    /// <summary>Reads and validates one flow text; adds its errors and returns null when it is broken.</summary>
    public static FlowDefinition? LoadText(string displayName, string yaml, List<FlowError> errors)
    {
        var before = errors.Count;
        var flow = FlowReader.Read(displayName, yaml, errors);
        if (flow is not null)
        {
            FlowValidator.Validate(flow, errors);
        }

        return errors.Count > before ? null : flow;
    }
}
