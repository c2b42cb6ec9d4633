using OvopBot.Flows.Engine;

namespace OvopBot.Reviews;

/// <summary>One entry of the review list: a record awaiting review, or a proposed change to a record.</summary>
public sealed record ReviewItem(long Id, bool IsProposal, long SubmissionId, string? VillageCode, string? VillageName, string? Reference,
    string? Product, string State, DateTimeOffset UpdatedAt)
{
    /// <summary>"record:12" or "proposal:3", how a dialog remembers what it listed.</summary>
    public string Key => (IsProposal ? "proposal:" : "record:") + Id;
}

/// <summary>A record as a reviewer reads it: its answers as numbered lines (the numbers PERBAIKI names) and its review.</summary>
public sealed record ReviewRecord(long Id, string? Reference, string? VillageCode, string? VillageName, string State, string? ReviewedBy,
    DateTimeOffset? ReviewedAt, string? Note, IReadOnlyList<RecordLine> Lines, int Revision);
