namespace OvopBot.Cli;

/// <summary>A mistake in the command line; printed as one line on standard error, exit code 2.</summary>
internal sealed class CliException(string message) : Exception(message);
