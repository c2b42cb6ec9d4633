using System.Globalization;
using OvopBot.Flows.Definition;
using YamlDotNet.Core;

namespace OvopBot.Flows.Loading;

/// <summary>
/// Turns one flow file's YAML into a <see cref="FlowDefinition"/>, collecting every problem with its line instead of
/// stopping at the first. Graph checks (targets, reachability, conditions) are done by <see cref="FlowValidator"/>.
/// </summary>
internal sealed class FlowReader
{
    private static readonly string[] TopKeys =
        ["id", "version", "kind", "languages", "start", "resume_after", "sections", "commands", "staff_commands", "entries", "texts", "nodes"];

    private static readonly string[] NodeKeys =
    [
        "ask", "say", "text", "action", "expect", "section", "options", "save", "label", "next", "on", "when", "optional",
        "min", "max", "unit", "invalid", "end", "unknown", "example", "personal", "export",
    ];

    private static readonly string[] ExportKeys = ["as", "header", "type"];

    /// <summary>The column types an <c>export: { type: … }</c> may name (the exports' <c>ColumnType</c>, lower case).</summary>
    internal static readonly string[] ExportTypes = ["text", "phone", "number", "money", "datetime", "list"];

    private static readonly string[] EntryKeys = ["start", "role", "aside", "args"];

    private FlowKind _kind;

    /// <summary>A staff flow or a dialog anyone may enter: the same node language (waits, actions, ends).</summary>
    private bool Dialogs => _kind != FlowKind.Registration;

    private readonly string _file;
    private readonly string? _variant;
    private readonly List<FlowError> _errors = [];
    private IReadOnlyList<string> _languages = ["id"];

    private FlowReader(string file, string? variant)
    {
        _file = file;
        _variant = variant;
    }

    /// <summary>
    /// Reads a flow; returns null (and errors) when it cannot be built. With a <paramref name="variant"/> (a text
    /// variant such as <c>sms</c>), every text that gives a short form for it reads as that short form.
    /// </summary>
    public static FlowDefinition? Read(string file, string yaml, List<FlowError> errors, string? variant = null)
    {
        var reader = new FlowReader(file, variant);
        var flow = reader.ReadFlow(yaml);
        errors.AddRange(reader._errors);
        return flow;
    }

    private FlowDefinition? ReadFlow(string yaml)
    {
        YamlValue root;
        try
        {
            root = YamlTreeReader.Read(yaml);
        }
        catch (YamlException e)
        {
            Error((int)e.Start.Line, "invalid YAML: " + e.Message);
            return null;
        }

        if (root is not YamlMap top)
        {
            Error(root.Line, "a flow file must be a mapping with id, version, languages, start and nodes");
            return null;
        }

        CheckKeys(top, TopKeys, "flow");
        _kind = ReadKind(top.Find("kind"));
        var id = RequiredScalar(top, "id");
        var versionText = RequiredScalar(top, "version");
        var version = 0;
        if (versionText is not null && (!int.TryParse(versionText, out version) || version < 1))
        {
            Error(top.Find("version")!.Value.Line, "version must be a whole number from 1");
        }

        _languages = ReadLanguages(top);
        // A dialog flow starts wherever an entry (a staff command, a reference) enters it; a registration at its one start.
        var start = Dialogs ? OptionalScalar(top, "start") ?? "" : RequiredScalar(top, "start");
        var resumeAfter = ReadDuration(top.Find("resume_after")) ?? TimeSpan.FromHours(6);
        var sections = ReadSections(top.Find("sections"));
        var commands = Dialogs && top.Find("commands") is null ? [] : ReadCommands(top.Find("commands"));
        var staffCommands = ReadStaffCommands(top.Find("staff_commands"));
        var entries = ReadEntries(top.Find("entries"));
        var texts = ReadTexts(top.Find("texts"));
        var nodes = ReadNodes(top.Find("nodes"), top.Line);
        if (id is null || start is null || nodes.Count == 0 || _errors.Count > 0)
        {
            return null;
        }

        return new FlowDefinition(id, version, _file, _languages, start, nodes, sections, commands, texts, resumeAfter, staffCommands,
            _kind, entries);
    }

    private FlowKind ReadKind(YamlEntry? entry)
    {
        switch (entry is null ? "registration" : Scalar(entry.Value))
        {
            case "registration":
                return FlowKind.Registration;
            case "staff":
                return FlowKind.Staff;
            case "dialog":
                return FlowKind.Dialog;
            default:
                Error(entry!.Line, "kind must be 'registration' (the default), 'staff' or 'dialog'");
                return FlowKind.Registration;
        }
    }

    /// <summary>
    /// Dialog flows: which staff command (or, in a dialog anyone may enter, which input such as <c>reference</c>)
    /// starts which node (<c>broadcast: { start: broadcast }</c>).
    /// </summary>
    private List<FlowEntry> ReadEntries(YamlEntry? entry)
    {
        var entries = new List<FlowEntry>();
        if (entry is null)
        {
            if (Dialogs)
            {
                Error(1, "a dialog flow needs 'entries' (which staff command or input starts which node)");
            }

            return entries;
        }

        if (!Dialogs || entry.Value is not YamlMap map)
        {
            Error(entry.Line, "'entries' belong to a dialog flow (kind: staff or dialog) and map a staff command or input to { start: NODE }");
            return entries;
        }

        foreach (var e in Unique(map, "entry"))
        {
            if (e.Value is not YamlMap spec)
            {
                Error(e.Line, $"entry '{e.Key}' must be a mapping such as {{ start: NODE, role: admin }}");
                continue;
            }

            CheckKeys(spec, EntryKeys, $"entry '{e.Key}'");
            // A dialog anyone may enter needs no role.
            var role = OptionalScalar(spec, "role") ?? (_kind == FlowKind.Dialog ? "anyone" : "facilitator");
            if (role is not ("facilitator" or "admin") && !(_kind == FlowKind.Dialog && role == "anyone"))
            {
                Error(e.Line, _kind == FlowKind.Dialog ? $"entry '{e.Key}': a dialog anyone may enter takes no role" : $"entry '{e.Key}': role must be facilitator or admin");
            }

            if (RequiredScalar(spec, "start") is { } start)
            {
                entries.Add(new FlowEntry(e.Key, start, role, ReadBool(spec.Find("aside")), e.Line, ReadBool(spec.Find("args"))));
            }
        }

        return entries;
    }

    // ---- top-level parts ---------------------------------------------------------------------------------------

    private List<string> ReadLanguages(YamlMap top)
    {
        var entry = top.Find("languages");
        if (entry is null)
        {
            Error(top.Line, "missing 'languages' (e.g. languages: [id, en])");
            return ["id"];
        }

        var languages = ScalarList(entry.Value);
        if (languages.Count == 0)
        {
            Error(entry.Line, "'languages' needs at least one language code");
            return ["id"];
        }

        foreach (var dup in languages.GroupBy(l => l).Where(g => g.Count() > 1))
        {
            Error(entry.Line, $"language '{dup.Key}' is listed twice");
        }

        return languages.Distinct().ToList();
    }

    private List<FlowSection> ReadSections(YamlEntry? entry)
    {
        var sections = new List<FlowSection>();
        if (entry is null)
        {
            return sections;
        }

        if (entry.Value is not YamlMap map)
        {
            Error(entry.Line, "'sections' must map a section id to its title");
            return sections;
        }

        foreach (var e in Unique(map, "section"))
        {
            var title = ReadText(e.Value, $"section '{e.Key}'");
            if (title is not null)
            {
                sections.Add(new FlowSection(e.Key, title, e.Line));
            }
        }

        return sections;
    }

    private Dictionary<FlowCommand, IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadCommands(YamlEntry? entry)
    {
        var commands = new Dictionary<FlowCommand, IReadOnlyDictionary<string, IReadOnlyList<string>>>();
        if (entry?.Value is not YamlMap map)
        {
            Error(entry?.Line ?? 1, "missing 'commands' (keywords for help, back, restart, status, language, stop, resume, skip)");
            return commands;
        }

        foreach (var e in Unique(map, "command"))
        {
            // "my_data" names FlowCommand.MyData.
            var name = e.Key.Replace("_", "", StringComparison.Ordinal);
            if (!Enum.TryParse<FlowCommand>(name, ignoreCase: true, out var command) ||
                !string.Equals(command.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                Error(e.Line, $"unknown command '{e.Key}'; known: {string.Join(", ", Enum.GetNames<FlowCommand>().Select(n => n == nameof(FlowCommand.MyData) ? "my_data" : n.ToLowerInvariant()))}");
                continue;
            }

            if (ReadKeywords(e, "command") is { } keywords)
            {
                commands[command] = keywords;
            }
        }

        foreach (var required in Enum.GetValues<FlowCommand>().Where(c => !FlowDefinition.OptionalCommands.Contains(c) && !commands.ContainsKey(c)))
        {
            Error(entry.Line, $"command '{required.ToString().ToLowerInvariant()}' has no keywords");
        }

        return commands;
    }

    /// <summary>
    /// Optional keywords for staff commands (summary, missing, broadcast…): the flow only names them; who may use
    /// them and what they do is decided outside the engine, so the names are checked against a short known list.
    /// </summary>
    private Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadStaffCommands(YamlEntry? entry)
    {
        var commands = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.Ordinal);
        if (entry is null)
        {
            return commands;
        }

        if (_kind != FlowKind.Staff)
        {
            Error(entry.Line, "'staff_commands' belong to a staff flow (kind: staff); elsewhere they would never be read");
            return commands;
        }

        if (entry.Value is not YamlMap map)
        {
            Error(entry.Line, "'staff_commands' must map a staff command to its keywords per language");
            return commands;
        }

        foreach (var e in Unique(map, "staff command"))
        {
            if (ReadKeywords(e, "staff command") is { } keywords)
            {
                commands[e.Key] = keywords;
            }
        }

        return commands;
    }

    /// <summary>A command's keywords per language (<c>{ id: [BANTUAN], en: [HELP] }</c>), every language required.</summary>
    private Dictionary<string, IReadOnlyList<string>>? ReadKeywords(YamlEntry e, string what)
    {
        if (e.Value is not YamlMap perLanguage)
        {
            Error(e.Line, $"{what} '{e.Key}' must map each language to its keywords");
            return null;
        }

        var keywords = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var lang in Unique(perLanguage, "language"))
        {
            CheckLanguage(lang.Key, lang.Line);
            keywords[lang.Key] = ScalarList(lang.Value);
        }

        foreach (var missing in _languages.Where(l => !keywords.ContainsKey(l)))
        {
            Error(e.Line, $"{what} '{e.Key}' has no keywords in language '{missing}'");
        }

        return keywords;
    }

    private Dictionary<string, LocalizedText> ReadTexts(YamlEntry? entry)
    {
        var texts = new Dictionary<string, LocalizedText>();
        if (entry?.Value is not YamlMap map)
        {
            Error(entry?.Line ?? 1, "missing 'texts' (the shared messages: help, errors, progress, …)");
            return texts;
        }

        foreach (var e in Unique(map, "text"))
        {
            var text = ReadText(e.Value, $"text '{e.Key}'");
            if (text is not null)
            {
                texts[e.Key] = text;
            }
        }

        // A dialog flow needs the texts its actions name (checked by the validator), not the registration's.
        foreach (var missing in (Dialogs ? [] : RequiredTexts.Keys).Where(k => !texts.ContainsKey(k)))
        {
            Error(entry.Line, $"text '{missing}' is missing from 'texts'");
        }

        return texts;
    }

    private List<FlowNode> ReadNodes(YamlEntry? entry, int topLine)
    {
        var nodes = new List<FlowNode>();
        if (entry?.Value is not YamlMap map || map.Entries.Count == 0)
        {
            Error(entry?.Line ?? topLine, "missing 'nodes' (a mapping of node id to node)");
            return nodes;
        }

        foreach (var e in Unique(map, "node"))
        {
            if (e.Value is not YamlMap nodeMap)
            {
                Error(e.Line, $"node '{e.Key}' must be a mapping");
                continue;
            }

            var node = ReadNode(e.Key, e.Line, nodeMap);
            if (node is not null)
            {
                nodes.Add(node);
            }
        }

        return nodes;
    }

    // ---- nodes -------------------------------------------------------------------------------------------------

    private FlowNode? ReadNode(string id, int line, YamlMap map)
    {
        CheckKeys(map, NodeKeys, $"node '{id}'");
        var ask = map.Find("ask");
        var say = map.Find("say");
        var expectEntry = map.Find("expect");
        var expect = AnswerKind.None;
        if (expectEntry is not null)
        {
            var name = Scalar(expectEntry.Value);
            if (!TryParseKind(name, out expect) || expect == AnswerKind.None)
            {
                Error(expectEntry.Line, $"node '{id}': unknown answer kind '{name}'; known: {KnownKinds}");
                return null;
            }
        }

        if (ask is not null && say is not null)
        {
            Error(line, $"node '{id}' has both 'ask' and 'say'; a question uses 'ask', a message 'say'");
        }

        if (ask is not null && expectEntry is null && !Dialogs)
        {
            Error(ask.Line, $"node '{id}' asks a question but has no 'expect'");
        }

        if (say is not null && expectEntry is not null)
        {
            Error(say.Line, $"node '{id}' uses 'say' with 'expect'; a question uses 'ask'");
        }

        var textKey = map.Find("text");
        var action = map.Find("action");
        if (textKey is not null && textEntry(ask, say) is not null)
        {
            Error(textKey.Line, $"node '{id}' has both 'text' (a shared text) and its own 'ask'/'say'");
        }

        // A dialog node may only act, wait or end; everything else needs words of its own or a shared text.
        var wordless = Dialogs && (action is not null || expect == AnswerKind.Input || map.Find("end") is not null);
        if ((action is not null || expect == AnswerKind.Input) && !Dialogs)
        {
            Error((action ?? expectEntry)!.Line, $"node '{id}': 'action' and expect: input belong to a dialog flow (kind: staff or dialog)");
        }

        var entryOfText = textEntry(ask, say);
        if (entryOfText is null && textKey is null && !wordless)
        {
            Error(line, $"node '{id}' needs 'ask' (a question) or 'say' (a message)");
            return null;
        }

        var text = entryOfText is null ? LocalizedText.None(line) : ReadText(entryOfText.Value, $"node '{id}'");
        var options = ReadOptions(id, line, map.Find("options"), expect);
        var end = ReadEnd(id, map.Find("end"));
        var next = map.Find("next");
        Condition? when = null;
        if (map.Find("when") is { } whenEntry)
        {
            try
            {
                when = Condition.Parse(Scalar(whenEntry.Value));
            }
            catch (FormatException ex)
            {
                Error(whenEntry.Line, $"node '{id}': {ex.Message}");
            }
        }

        if (text is null)
        {
            return null;
        }

        var export = map.Find("export");
        YamlMap? exportMap = null;
        if (export is not null)
        {
            exportMap = export.Value as YamlMap;
            if (exportMap is null || map.Find("save") is null)
            {
                Error(export.Line, $"node '{id}': 'export' belongs to a question that saves, e.g. export: {{ as: product_name }}");
                exportMap = null;
            }
            else
            {
                CheckKeys(exportMap, ExportKeys, $"node '{id}' export");
            }
        }

        var exportType = exportMap is null ? null : OptionalScalar(exportMap, "type");
        if (exportType is not null && !ExportTypes.Contains(exportType))
        {
            Error(exportMap!.Find("type")!.Line, $"node '{id}': export type must be one of {string.Join(", ", ExportTypes)}");
        }

        return new FlowNode
        {
            ExportAs = exportMap is null ? null : OptionalScalar(exportMap, "as"),
            ExportHeader = exportMap?.Find("header") is { } header ? ReadText(header.Value, $"node '{id}' export header") : null,
            ExportType = exportType,
            Id = id,
            Line = line,
            Expect = expect,
            Text = text,
            Section = OptionalScalar(map, "section"),
            Options = options,
            Save = OptionalScalar(map, "save"),
            Label = map.Find("label") is { } label ? ReadText(label.Value, $"node '{id}' label") : null,
            Next = next is null ? null : Scalar(next.Value),
            NextLine = next?.Line ?? line,
            On = ReadOn(id, map.Find("on")),
            When = when,
            Optional = ReadBool(map.Find("optional")),
            AllowsUnknown = ReadBool(map.Find("unknown")),
            Personal = ReadBool(map.Find("personal")),
            Example = map.Find("example") is { } example ? ReadText(example.Value, $"node '{id}' example") : null,
            Min = ReadDecimal(map.Find("min")),
            Max = ReadDecimal(map.Find("max")),
            Unit = map.Find("unit") is { } unit ? ReadText(unit.Value, $"node '{id}' unit") : null,
            Invalid = map.Find("invalid") is { } invalid ? ReadText(invalid.Value, $"node '{id}' invalid") : null,
            End = end,
            TextKey = textKey is null ? null : Scalar(textKey.Value),
            Action = action is null ? null : Scalar(action.Value),
            ActionLine = action?.Line ?? line,
        };

        static YamlEntry? textEntry(YamlEntry? ask, YamlEntry? say) => ask ?? say;
    }

    private static string KnownKinds => string.Join(", ",
        Enum.GetValues<AnswerKind>().Where(k => k != AnswerKind.None).Select(KindName));

    internal static string KindName(AnswerKind kind) => kind switch
    {
        AnswerKind.MultiChoice => "multichoice",
        AnswerKind.YesNo => "yesno",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static bool TryParseKind(string name, out AnswerKind kind)
    {
        kind = Enum.GetValues<AnswerKind>().FirstOrDefault(k => KindName(k) == name);
        return kind != AnswerKind.None || name == "none";
    }

    private List<FlowOption> ReadOptions(string nodeId, int nodeLine, YamlEntry? entry, AnswerKind expect)
    {
        var options = new List<FlowOption>();
        var needsOptions = expect is AnswerKind.Choice or AnswerKind.MultiChoice;
        if (entry is null)
        {
            if (needsOptions)
            {
                Error(nodeLine, $"node '{nodeId}' expects a {KindName(expect)} but has no 'options'");
            }

            return options;
        }

        if (!needsOptions)
        {
            Error(entry.Line, $"node '{nodeId}': 'options' only make sense with expect: choice or multichoice");
        }

        if (entry.Value is not YamlMap map)
        {
            Error(entry.Line, $"node '{nodeId}': 'options' must map each option key to its label");
            return options;
        }

        foreach (var e in Unique(map, $"option in node '{nodeId}'"))
        {
            // An option is either a label ({id:…, en:…}) or {label: {…}, aliases: [...]}.
            var labelValue = e.Value;
            IReadOnlyList<string> aliases = [];
            if (e.Value is YamlMap optionMap && optionMap.Find("label") is { } labelEntry)
            {
                labelValue = labelEntry.Value;
                aliases = optionMap.Find("aliases") is { } a ? ScalarList(a.Value) : [];
            }

            var label = ReadText(labelValue, $"option '{e.Key}' of node '{nodeId}'");
            if (label is not null)
            {
                options.Add(new FlowOption(e.Key, label, aliases, e.Line));
            }
        }

        return options;
    }

    private Dictionary<string, (string, int)> ReadOn(string nodeId, YamlEntry? entry)
    {
        var on = new Dictionary<string, (string, int)>();
        if (entry is null)
        {
            return on;
        }

        if (entry.Value is not YamlMap map)
        {
            Error(entry.Line, $"node '{nodeId}': 'on' must map an answer to a node id");
            return on;
        }

        foreach (var e in Unique(map, $"answer in 'on' of node '{nodeId}'"))
        {
            on[e.Key] = (Scalar(e.Value), e.Line);
        }

        return on;
    }

    private EndKind ReadEnd(string nodeId, YamlEntry? entry)
    {
        if (entry is null)
        {
            return EndKind.None;
        }

        var value = Scalar(entry.Value);
        if (value == "submitted")
        {
            return EndKind.Submitted;
        }

        if (value == "declined")
        {
            return EndKind.Declined;
        }

        if (Dialogs && value is "done" or "pass")
        {
            return value == "done" ? EndKind.Done : EndKind.Pass;
        }

        if (_kind == FlowKind.Dialog && value == "resume")
        {
            return EndKind.Resume;
        }

        Error(entry.Line, _kind switch
        {
            FlowKind.Staff => $"node '{nodeId}': end must be 'done' (the message was the dialog's) or 'pass' (the registration answers it)",
            FlowKind.Dialog => $"node '{nodeId}': end must be 'done' (the message was the dialog's), 'pass' (the registration answers it) or 'resume' (the person is greeted back at their question)",
            _ => $"node '{nodeId}': end must be 'submitted' or 'declined'",
        });
        return EndKind.None;
    }

    // ---- values ------------------------------------------------------------------------------------------------

    private LocalizedText? ReadText(YamlValue value, string owner)
    {
        if (value is not YamlMap map)
        {
            Error(value.Line, $"{owner}: a text must give every language, e.g. {{ id: \"…\", en: \"…\" }}");
            return null;
        }

        var texts = new Dictionary<string, string>();
        Dictionary<string, string>? variantTexts = null;
        foreach (var e in Unique(map, "language"))
        {
            if (TextVariants.All.Contains(e.Key))
            {
                var shortForms = ReadVariant(e, owner);
                if (e.Key == _variant)
                {
                    variantTexts = shortForms;
                }

                continue;
            }

            CheckLanguage(e.Key, e.Line);
            var text = Scalar(e.Value).Trim();
            if (text.Length == 0)
            {
                Error(e.Line, $"{owner}: the '{e.Key}' text is empty");
            }

            texts[e.Key] = text;
        }

        foreach (var missing in _languages.Where(l => !texts.ContainsKey(l)))
        {
            Error(map.Line, $"{owner}: missing translation '{missing}'");
        }

        foreach (var (language, shortForm) in variantTexts ?? [])
        {
            texts[language] = shortForm;
        }

        return texts.Count == 0 ? null : new LocalizedText(texts, map.Line);
    }

    /// <summary>A short form such as <c>sms: { id: "…", en: "…" }</c>: any of the flow's languages, none empty.</summary>
    private Dictionary<string, string> ReadVariant(YamlEntry entry, string owner)
    {
        var forms = new Dictionary<string, string>();
        if (entry.Value is not YamlMap map)
        {
            Error(entry.Line, $"{owner}: '{entry.Key}' must map languages to short texts, e.g. {entry.Key}: {{ id: \"…\" }}");
            return forms;
        }

        foreach (var e in Unique(map, $"{entry.Key} language"))
        {
            CheckLanguage(e.Key, e.Line);
            var text = Scalar(e.Value).Trim();
            if (text.Length == 0)
            {
                Error(e.Line, $"{owner}: the {entry.Key} '{e.Key}' text is empty");
            }

            forms[e.Key] = text;
        }

        return forms;
    }

    private void CheckLanguage(string language, int line)
    {
        if (!_languages.Contains(language))
        {
            Error(line, $"language '{language}' is not in 'languages' ({string.Join(", ", _languages)})");
        }
    }

    private IEnumerable<YamlEntry> Unique(YamlMap map, string what)
    {
        var seen = new HashSet<string>();
        foreach (var e in map.Entries)
        {
            if (!seen.Add(e.Key))
            {
                Error(e.Line, $"duplicate {what} '{e.Key}'");
                continue;
            }

            yield return e;
        }
    }

    private void CheckKeys(YamlMap map, string[] known, string owner)
    {
        foreach (var e in map.Entries.Where(e => !known.Contains(e.Key)))
        {
            Error(e.Line, $"{owner}: unknown key '{e.Key}'; known keys: {string.Join(", ", known)}");
        }
    }

    private string? RequiredScalar(YamlMap map, string key)
    {
        var entry = map.Find(key);
        if (entry is null)
        {
            Error(map.Line, $"missing '{key}'");
            return null;
        }

        var value = Scalar(entry.Value);
        return value.Length == 0 ? null : value;
    }

    private string? OptionalScalar(YamlMap map, string key) => map.Find(key) is { } e ? Scalar(e.Value) : null;

    private string Scalar(YamlValue value)
    {
        if (value is YamlScalar s)
        {
            return s.Value;
        }

        Error(value.Line, "expected a single value here");
        return "";
    }

    private List<string> ScalarList(YamlValue value) => value switch
    {
        YamlList list => list.Items.Select(Scalar).ToList(),
        YamlScalar s => [s.Value],
        _ => Fail<List<string>>(value.Line, "expected a list of values, e.g. [a, b]", []),
    };

    private bool ReadBool(YamlEntry? entry)
    {
        if (entry is null)
        {
            return false;
        }

        var value = Scalar(entry.Value);
        return value switch
        {
            "true" => true,
            "false" => false,
            _ => Fail(entry.Line, $"'{entry.Key}' must be true or false", false),
        };
    }

    private decimal? ReadDecimal(YamlEntry? entry)
    {
        if (entry is null)
        {
            return null;
        }

        return decimal.TryParse(Scalar(entry.Value), NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
            ? d
            : Fail<decimal?>(entry.Line, $"'{entry.Key}' must be a number written like 100000 or 2.5", null);
    }

    private TimeSpan? ReadDuration(YamlEntry? entry)
    {
        if (entry is null)
        {
            return null;
        }

        var text = Scalar(entry.Value);
        if (text.Length > 1 && int.TryParse(text[..^1], out var amount) && amount > 0)
        {
            switch (text[^1])
            {
                case 'm': return TimeSpan.FromMinutes(amount);
                case 'h': return TimeSpan.FromHours(amount);
                case 'd': return TimeSpan.FromDays(amount);
            }
        }

        return Fail<TimeSpan?>(entry.Line, $"'{entry.Key}' must be a duration like 30m, 6h or 2d", null);
    }

    private T Fail<T>(int line, string message, T fallback)
    {
        Error(line, message);
        return fallback;
    }

    private void Error(int line, string message) => _errors.Add(new FlowError(_file, line, message));
}
