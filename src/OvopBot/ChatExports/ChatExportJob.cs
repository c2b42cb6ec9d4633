namespace OvopBot.ChatExports;

/// <summary>A stored export request waiting for the worker, with the person (and their channel) it goes to.</summary>
public sealed record ChatExportJob(long Id, long ContactId, string Channel, ChatExportRequest Request, DateTimeOffset CreatedAt);
