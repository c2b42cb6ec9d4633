namespace OvopBot.Flows.Definition;

/// <summary>What a question node expects as an answer (the <c>expect:</c> key of a node).</summary>
public enum AnswerKind
{
    /// <summary>A node that only says something and moves on (no <c>expect:</c>).</summary>
    None,
    Text,
    Number,
    Money,
    Choice,
    MultiChoice,
    YesNo,
    Photo,
    Voice,
    Location,
    Phone,
    Month,
    Months,
    Village,
    /// <summary>Shows every answer numbered; the person confirms or changes one by its number.</summary>
    Summary,
    /// <summary>
    /// Staff dialogs only: waits for the next message and keeps it as typed (<c>save</c>); what it means is decided
    /// by the action the node goes to. Staff commands named in <c>on:</c> leave from here.
    /// </summary>
    Input,
}
