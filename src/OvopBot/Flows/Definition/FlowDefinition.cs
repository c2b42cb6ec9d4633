namespace OvopBot.Flows.Definition;

/// <summary>
/// A validated, immutable conversation flow loaded from <c>flows/*.yaml</c>. Nodes keep their file order, which is
/// also the order of answers in the summary.
/// </summary>
public sealed class FlowDefinition
{
    private readonly Dictionary<string, FlowNode> _byId;

    public FlowDefinition(string id, int version, string sourceFile, IReadOnlyList<string> languages, string start,
        IReadOnlyList<FlowNode> nodes, IReadOnlyList<FlowSection> sections,
        IReadOnlyDictionary<FlowCommand, IReadOnlyDictionary<string, IReadOnlyList<string>>> commands,
        IReadOnlyDictionary<string, LocalizedText> texts, TimeSpan resumeAfter,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>? staffCommands = null,
        FlowKind kind = FlowKind.Registration, IReadOnlyList<FlowEntry>? entries = null)
    {
        Kind = kind;
        Entries = entries ?? [];
        StaffCommands = staffCommands ?? new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>();
        Id = id;
        Version = version;
        SourceFile = sourceFile;
        Languages = languages;
        Start = start;
        Nodes = nodes;
        Sections = sections;
        Commands = commands;
        Texts = texts;
        ResumeAfter = resumeAfter;
        _byId = nodes.ToDictionary(n => n.Id);
    }

    public string Id { get; }
    public FlowKind Kind { get; }

    /// <summary>A staff flow or a dialog anyone may enter: nodes wait, act and end instead of asking questions.</summary>
    public bool IsDialog => Kind != FlowKind.Registration;
    /// <summary>Staff flows: the staff commands that start a dialog, and where.</summary>
    public IReadOnlyList<FlowEntry> Entries { get; }
    public int Version { get; }
    public string SourceFile { get; }
    /// <summary>Languages every text must have; the first is the default.</summary>
    public IReadOnlyList<string> Languages { get; }
    public string DefaultLanguage => Languages[0];

    /// <summary>The language a person chose when this flow speaks it, else the flow's default.</summary>
    public string LanguageOrDefault(string? language) => language is not null && Languages.Contains(language) ? language : DefaultLanguage;

    public string Start { get; }
    public IReadOnlyList<FlowNode> Nodes { get; }
    public IReadOnlyList<FlowSection> Sections { get; }
    /// <summary>Keywords of each global command, per language.</summary>
    public IReadOnlyDictionary<FlowCommand, IReadOnlyDictionary<string, IReadOnlyList<string>>> Commands { get; }
    /// <summary>
    /// Global commands a flow may leave out: Telegram's /start is built in; the data-rights commands need their texts;
    /// paging (LAGI) and the person to ask (PENDAMPING) are offered only when a flow names them.
    /// </summary>
    public static readonly IReadOnlySet<FlowCommand> OptionalCommands = new HashSet<FlowCommand>
    {
        FlowCommand.Start, FlowCommand.MyData, FlowCommand.Erase, FlowCommand.More, FlowCommand.Person,
    };

    /// <summary>
    /// Keywords of each staff command, per language (a staff flow's <c>staff_commands:</c>); understood only from
    /// people with a staff role. A command either starts a dialog (<see cref="Entries"/>) or is named in a waiting
    /// node's <c>on:</c> (more, confirm, cancel).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> StaffCommands { get; }
    /// <summary>Shared texts (help, errors, progress…), by key.</summary>
    public IReadOnlyDictionary<string, LocalizedText> Texts { get; }
    /// <summary>After this long without activity, the next message is greeted with "welcome back" and progress.</summary>
    public TimeSpan ResumeAfter { get; }

    /// <summary>A typed answer on a basic phone, reading the question included: what the time estimate assumes.</summary>
    public const int SecondsPerAnswer = 25;

    /// <summary>
    /// Values any node text may use: <c>{questions_min}</c>/<c>{questions_max}</c> (questions always asked / asked at
    /// most, counted from the flow) and <c>{minutes_min}</c>/<c>{minutes_max}</c> at <see cref="SecondsPerAnswer"/>
    /// each, so the consent text's time estimate stays honest when questions are added.
    /// </summary>
    public IReadOnlyDictionary<string, string> Estimate => _estimate ??= ComputeEstimate();

    private IReadOnlyDictionary<string, string>? _estimate;

    private Dictionary<string, string> ComputeEstimate()
    {
        var questions = Nodes.Where(n => n.IsQuestion && n.Expect != AnswerKind.Summary).ToList();
        var least = questions.Count(n => n.When is null);
        var most = questions.Count;
        string Minutes(int answers) => ((answers * SecondsPerAnswer + 59) / 60).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Dictionary<string, string>
        {
            ["questions_min"] = least.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["questions_max"] = most.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["minutes_min"] = Minutes(least),
            ["minutes_max"] = Minutes(most),
        };
    }

    public FlowNode Node(string id) => _byId[id];

    public bool TryGetNode(string id, out FlowNode node) => _byId.TryGetValue(id, out node!);

    /// <summary>
    /// The answer field the exports know as <paramref name="exportAs"/> (a node's <c>export: { as: … }</c>), or
    /// <paramref name="fallback"/> when no node declares it (test flows).
    /// </summary>
    public string FieldFor(string exportAs, string fallback) =>
        Nodes.FirstOrDefault(n => n.ExportAs == exportAs && n.Save is not null)?.Save ?? fallback;

    /// <summary>The shared text in the language, with <c>{name}</c> placeholders filled.</summary>
    public string Text(string key, string language, IReadOnlyDictionary<string, string>? values = null) =>
        TextFormatter.Format(Texts[key].Get(language), values);
}
