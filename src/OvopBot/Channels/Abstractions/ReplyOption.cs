namespace OvopBot.Channels.Abstractions;

/// <summary>One numbered option shown with a question; channels may also render it as a button.</summary>
public sealed record ReplyOption(string Key, string Label);
