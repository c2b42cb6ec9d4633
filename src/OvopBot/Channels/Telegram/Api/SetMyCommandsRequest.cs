namespace OvopBot.Channels.Telegram.Api;

/// <summary>Parameters of setMyCommands: the "/" menu for a scope (everyone, or one chat) and optionally one language.</summary>
public sealed record SetMyCommandsRequest(IReadOnlyList<BotCommand> Commands, BotCommandScope? Scope = null, string? LanguageCode = null);

/// <summary>One entry of the "/" menu: the command without its slash (a-z, 0-9, _) and its description.</summary>
public sealed record BotCommand(string Command, string Description);

/// <summary>Who sees a command list: <c>default</c> (everyone) or <c>chat</c> (one chat, by id).</summary>
public sealed record BotCommandScope(string Type, long? ChatId = null);
