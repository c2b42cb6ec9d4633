using OvopBot.Flows.Definition;

namespace OvopBot.Staff;

/// <summary>Who is asking (contact, scopes) and in which flow and language the answer is worded.</summary>
public sealed record StaffContext(FlowDefinition Flow, string Language, long ContactId, string Author, IReadOnlyList<string> Scopes)
{
    public string Text(string key, IReadOnlyDictionary<string, string>? values = null) => Flow.Text(key, Language, values);
}
