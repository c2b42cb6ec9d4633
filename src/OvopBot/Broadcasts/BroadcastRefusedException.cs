namespace OvopBot.Broadcasts;

/// <summary>A broadcast that may not be made (empty or too long text, region outside scope…); the message says why.</summary>
public sealed class BroadcastRefusedException(string message) : Exception(message);
