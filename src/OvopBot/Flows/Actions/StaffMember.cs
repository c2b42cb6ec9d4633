namespace OvopBot.Flows.Actions;

/// <summary>
/// A facilitator or admin writing in the chat: their contact, how they are named (<c>telegram:123</c>), their
/// language, and the regions of each role (admin scopes empty for a facilitator). In a dialog anyone may enter (linking
/// a channel) it is the person writing, with no scopes.
/// </summary>
public sealed record StaffMember(long ContactId, string Author, string Language, IReadOnlyList<string> Scopes, IReadOnlyList<string> AdminScopes)
{
    public IReadOnlyList<string> ScopesFor(string role) => role == "admin" ? AdminScopes : Scopes;
}
