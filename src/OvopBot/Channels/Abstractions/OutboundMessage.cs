namespace OvopBot.Channels.Abstractions;

/// <summary>
/// A message to send, independent of the platform. <see cref="Text"/> is always complete on its own (numbered
/// options included) so basic phones that show no buttons lose nothing; <see cref="Options"/> lets a channel
/// add buttons on top.
/// </summary>
public sealed record OutboundMessage
{
    public required string Text { get; init; }
    public IReadOnlyList<ReplyOption> Options { get; init; } = [];
    public InputRequest Input { get; init; } = InputRequest.None;
    /// <summary>Label for the button that sends <see cref="Input"/> (e.g. "Kirim lokasi"), from the flow texts.</summary>
    public string? InputLabel { get; init; }
    /// <summary>Label of the button that opens a long option list (WhatsApp list message), from the flow texts.</summary>
    public string? MenuLabel { get; init; }
    /// <summary>A file to attach (an export for an admin).</summary>
    public string? DocumentPath { get; init; }
    /// <summary>
    /// WhatsApp only: the approved template to use when the 24-hour window is closed, with its body parameters.
    /// Null means the message may only be sent inside the window.
    /// </summary>
    public TemplateRef? Template { get; init; }
}

/// <summary>An approved WhatsApp message template and its body parameters.</summary>
public sealed record TemplateRef(string Name, string Language, IReadOnlyList<string> Parameters);
