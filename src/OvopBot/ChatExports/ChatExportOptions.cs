namespace OvopBot.ChatExports;

/// <summary>The <c>ChatExports</c> section: where the files an admin asks for in the chat are made and how big they may be.</summary>
public sealed class ChatExportOptions
{
    public const string Section = "ChatExports";

    /// <summary>The folder the XLSX files are written to before they are sent (relative to the working directory).</summary>
    public string Folder { get; set; } = "data/exports";

    /// <summary>
    /// The largest file sent in the chat, in megabytes; the platform's own limit applies anyway (Telegram 50 MB,
    /// WhatsApp 100 MB). Null: only the platform's. A larger file stays on the server and the admin is told where.
    /// </summary>
    public double? MaxFileMegabytes { get; set; }

    /// <summary>Files older than this are deleted (they hold phone numbers; the command line makes a fresh one any time).</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the worker looks for requests it was not woken for (after a restart, say).</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);
}
