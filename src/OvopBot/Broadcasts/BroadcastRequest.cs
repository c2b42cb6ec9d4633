namespace OvopBot.Broadcasts;

/// <summary>
/// A broadcast to prepare, to the people of one or more regions (province, regency or district codes; each person
/// once however many of them name their village). <paramref name="AuthorContactId"/> is the staff member (scope is
/// checked per region); null means the operator at the command line, who is trusted like anyone with access to the
/// server. <paramref name="ReportToAuthor"/>: the author gets the final report in the chat (broadcasts made there).
/// </summary>
public sealed record BroadcastRequest(BroadcastTarget Target, IReadOnlyList<string> RegionCodes, string Text, string Author,
    long? AuthorContactId = null, bool ReportToAuthor = false)
{
    /// <summary>One region, optionally narrowed to <paramref name="districtCode"/>, which must be one of its districts.</summary>
    public BroadcastRequest(BroadcastTarget target, string regionCode, string? districtCode, string text, string author, long? authorContactId = null)
        : this(target, [regionCode], text, author, authorContactId)
    {
        DistrictCode = districtCode;
    }

    /// <summary>Narrows the (single) region to this district of it, as the command line's <c>--district</c> does.</summary>
    public string? DistrictCode { get; init; }
}
