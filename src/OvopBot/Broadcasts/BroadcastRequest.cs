namespace OvopBot.Broadcasts;

/// <summary>
/// A broadcast to prepare. <paramref name="AuthorContactId"/> is the staff member (scope is checked); null means
/// the operator at the command line, who is trusted like anyone with access to the server.
/// </summary>
public sealed record BroadcastRequest(BroadcastTarget Target, string RegionCode, string? DistrictCode, string Text, string Author,
    long? AuthorContactId = null);
