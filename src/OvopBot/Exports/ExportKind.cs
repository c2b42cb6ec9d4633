namespace OvopBot.Exports;

/// <summary>What an export lists: one row per village, per requested training topic or funding item, per message, or per person.</summary>
public enum ExportKind
{
    Submissions,
    Requests,
    Conversations,
    Contacts,
}
