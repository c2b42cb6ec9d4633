using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OvopBot.Tests.Transcripts;

/// <summary>
/// A whole conversation as data (<c>Transcripts/FLOW-ID/CASE.yaml</c>): what the person says, what the bot must
/// (and must not) say, pauses, restarts, and the stored result at the end. See Transcripts/README.md.
/// </summary>
public sealed class Transcript
{
    public string? Description { get; set; }
    public string From { get; set; } = "tester";
    public Dictionary<string, string> Settings { get; set; } = [];
    /// <summary>Roles given before the first step (staff dialogs), e.g. <c>{ role: facilitator, to: tester, region: "53.01.08" }</c>.</summary>
    public List<TranscriptGrant> Grants { get; set; } = [];
    public List<TranscriptStep> Steps { get; set; } = [];
    public TranscriptFinal? Final { get; set; }

    public static Transcript Load(string path) => new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build()
        .Deserialize<Transcript>(File.ReadAllText(path));
}

public sealed class TranscriptGrant
{
    public string Role { get; set; } = "facilitator";
    /// <summary>The console address the role is given to.</summary>
    public string To { get; set; } = "tester";
    public string Region { get; set; } = "";
}

public sealed class TranscriptStep
{
    /// <summary>A console line (":photo PATH", ":location LAT,LON" for media; PATH relative to the transcript folder).</summary>
    public string? Say { get; set; }
    /// <summary>Another person sends this line (multi-person cases).</summary>
    public string? From { get; set; }
    /// <summary>Texts that must all appear in the replies.</summary>
    public List<string> Expect { get; set; } = [];
    /// <summary>Texts that must not appear in the replies.</summary>
    public List<string> ExpectNot { get; set; } = [];
    /// <summary>The step must produce no reply at all.</summary>
    public bool Silent { get; set; }
    /// <summary>Move the clock, e.g. 3d, 7h, 30m.</summary>
    public string? Advance { get; set; }
    /// <summary>Throw the whole service stack away and build it again on the same database.</summary>
    public bool Restart { get; set; }
    /// <summary>Deliver the previous message again with the same external id (a platform re-delivery).</summary>
    public bool Redeliver { get; set; }
    /// <summary>Before the step, give the person (<see cref="From"/>) a staff role: "facilitator 53.01.08".</summary>
    public string? Grant { get; set; }
    /// <summary>Texts that must appear in what the step queued for other people (person → texts), e.g. the respondent told of a proposal.</summary>
    public Dictionary<string, List<string>> Told { get; set; } = [];
}

public sealed class TranscriptFinal
{
    public string? Status { get; set; }
    public Dictionary<string, string> Answers { get; set; } = [];
    public List<string> Absent { get; set; } = [];
    public string? SubmissionStatus { get; set; }
    public string? Reference { get; set; }
    public int? Revision { get; set; }
    /// <summary>The reasons of the submission's history rows, oldest first ("submitted", "proposal 1 … accepted").</summary>
    public List<string> History { get; set; } = [];
}
