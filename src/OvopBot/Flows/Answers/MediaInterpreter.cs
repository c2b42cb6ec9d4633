using System.Text.Json.Nodes;
using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Definition;
using OvopBot.Flows.Engine;

namespace OvopBot.Flows.Answers;

/// <summary>
/// A photo or a voice note. The saved value is <c>{"path": local file, "ref": platform id, "caption": text}</c>;
/// a document that is an image counts as a photo (people often send photos "as file" to keep quality).
/// </summary>
public sealed class MediaInterpreter(AnswerKind kind) : IAnswerInterpreter
{
    public AnswerKind Kind => kind;

    public Interpretation Interpret(AnswerInput input)
    {
        var message = input.Message;
        var fits = TakesMedia(message) && (message.Kind != InboundKind.Document || IsImage(message.MediaPath ?? message.MediaRef));
        if (!fits || (message.MediaPath is null && message.MediaRef is null))
        {
            return new Rejected(kind == AnswerKind.Photo ? "expect_photo" : "expect_voice");
        }

        var value = new JsonObject
        {
            ["path"] = message.MediaPath,
            ["ref"] = message.MediaRef,
        };
        if (!string.IsNullOrEmpty(input.Text))
        {
            value["caption"] = input.Text;
        }

        return new Accepted(value);
    }

    /// <summary>
    /// A photo question takes a photo, or a document that turns out to be an image (known only once the file is
    /// downloaded: a Telegram file_id says nothing about it); a voice question takes a voice note.
    /// </summary>
    public bool TakesMedia(InboundMessage message) =>
        kind == AnswerKind.Photo ? message.Kind is InboundKind.Photo or InboundKind.Document : message.Kind is InboundKind.Voice;

    private static bool IsImage(string? path) =>
        path is not null && new[] { ".jpg", ".jpeg", ".png", ".webp", ".heic" }
            .Any(ext => path.EndsWith(ext, StringComparison.OrdinalIgnoreCase));

    public string Display(FlowDefinition flow, FlowNode node, JsonNode? value, string language) =>
        value is null ? "" : flow.Text(kind == AnswerKind.Photo ? "answer_photo" : "answer_voice", language);
}
