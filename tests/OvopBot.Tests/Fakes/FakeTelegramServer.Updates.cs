using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OvopBot.Tests.Fakes;

/// <summary>The update queue: pushing updates, getUpdates long polling with offsets, callbacks.</summary>
public sealed partial class FakeTelegramServer
{
    private readonly List<JsonObject> _pending = [];
    private readonly HashSet<long> _knownChats = [];
    private readonly HashSet<string> _openCallbacks = [];
    private readonly List<string> _answeredCallbacks = [];
    private long _nextUpdateId = 804512377;
    private long _nextCallbackId = 2200417385123456789;
    private TaskCompletionSource _updateArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When true, getUpdates answers at once even if asked to wait (a proxy that breaks long polling).</summary>
    public bool IgnoreLongPollTimeout { get; set; }

    /// <summary>The allowed_updates of the latest getUpdates or setWebhook that sent one.</summary>
    public JsonNode? AllowedUpdates { get; private set; }

    public IReadOnlyList<long> PendingUpdateIds
    {
        get
        {
            lock (_gate)
            {
                return _pending.Select(u => (long)u["update_id"]!).ToList();
            }
        }
    }

    public IReadOnlyList<string> AnsweredCallbacks
    {
        get
        {
            lock (_gate)
            {
                return [.. _answeredCallbacks];
            }
        }
    }

    /// <summary>Queues an update (its update_id is assigned here) and returns the id.</summary>
    public long PushUpdate(JsonObject content)
    {
        ArgumentNullException.ThrowIfNull(content);
        TaskCompletionSource arrived;
        long id;
        lock (_gate)
        {
            id = _nextUpdateId++;
            var update = new JsonObject { ["update_id"] = id };
            foreach (var (key, value) in content)
            {
                update[key] = value?.DeepClone();
            }

            if (ChatOf(update) is { } chatId)
            {
                _knownChats.Add(chatId);
            }

            _pending.Add(update);
            arrived = _updateArrived;
            _updateArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
        CheckWaiters();
        return id;
    }

    /// <summary>Queues a private text message from a person; a leading "/word" is marked as a bot command.</summary>
    public long PushText(long chatId, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var message = PrivateMessage(chatId);
        message["text"] = text;
        if (text.StartsWith('/'))
        {
            var end = text.IndexOf(' ', StringComparison.Ordinal);
            message["entities"] = new JsonArray(new JsonObject
            {
                ["offset"] = 0, ["length"] = end < 0 ? text.Length : end, ["type"] = "bot_command",
            });
        }

        return PushUpdate(new JsonObject { ["message"] = message });
    }

    /// <summary>
    /// Queues a private text message sent with the app's "Reply" to the bot's message <paramref name="replyTo"/> in that
    /// chat; as Telegram does, the update carries the replied-to message (which must have been sent to the chat).
    /// </summary>
    public long PushReply(long chatId, string text, long replyTo)
    {
        ArgumentNullException.ThrowIfNull(text);
        var original = SentTo(chatId).SingleOrDefault(m => m.MessageId == replyTo)
                       ?? throw new InvalidOperationException($"chat {chatId} has no message {replyTo} to reply to");
        var message = PrivateMessage(chatId);
        message["text"] = text;
        message["reply_to_message"] = new JsonObject
        {
            ["message_id"] = replyTo,
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "OVOP", ["username"] = "ovop_test_bot" },
            ["chat"] = new JsonObject { ["id"] = chatId, ["first_name"] = "Budi", ["type"] = "private" },
            ["date"] = Clock.GetUtcNow().ToUnixTimeSeconds(),
            [original.Text is null ? "caption" : "text"] = original.Text ?? original.Caption,
        };
        return PushUpdate(new JsonObject { ["message"] = message });
    }

    /// <summary>Queues a tap on an inline button and returns the update id and the callback query id.</summary>
    public (long UpdateId, string QueryId) PushCallback(long chatId, string data)
    {
        string queryId;
        lock (_gate)
        {
            queryId = (_nextCallbackId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _openCallbacks.Add(queryId);
        }

        var update = PushUpdate(new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = queryId,
                ["from"] = Person(chatId),
                ["message"] = PrivateMessage(chatId),
                ["chat_instance"] = "-3581274012345678901",
                ["data"] = data,
            },
        });
        return (update, queryId);
    }

    /// <summary>A private-chat message skeleton (message_id, from, chat, date) from the person with this id.</summary>
    public JsonObject PrivateMessage(long chatId) => new()
    {
        ["message_id"] = 1,
        ["from"] = Person(chatId),
        ["chat"] = new JsonObject { ["id"] = chatId, ["first_name"] = "Budi", ["type"] = "private" },
        ["date"] = Clock.GetUtcNow().ToUnixTimeSeconds(),
    };

    private static JsonObject Person(long id) => new()
    {
        ["id"] = id, ["is_bot"] = false, ["first_name"] = "Budi", ["language_code"] = "id",
    };

    private async Task GetUpdatesAsync(HttpContext context, JsonObject parameters)
    {
        var offset = FakeTelegramParameters.Long(parameters, "offset");
        var limit = (int)Math.Clamp(FakeTelegramParameters.Long(parameters, "limit") ?? 100, 1, 100);
        var timeout = Math.Clamp(FakeTelegramParameters.Long(parameters, "timeout") ?? 0, 0, 50);
        for (var attempt = 0; ; attempt++)
        {
            JsonArray? batch = null;
            var conflict = false;
            Task arrived;
            lock (_gate)
            {
                conflict = WebhookUrl is not null;
                if (parameters["allowed_updates"] is { } allowed)
                {
                    AllowedUpdates = allowed.DeepClone();
                }

                // Asking with an offset confirms every update below it: Telegram forgets them for good.
                if (offset is { } first && !conflict)
                {
                    _pending.RemoveAll(u => (long)u["update_id"]! < first);
                }

                var ready = _pending.Take(limit).Select(u => u.DeepClone()).ToArray();
                if (ready.Length > 0 || timeout == 0 || IgnoreLongPollTimeout || attempt > 0)
                {
                    batch = new JsonArray(ready);
                }

                arrived = _updateArrived.Task;
            }

            CheckWaiters();
            if (conflict)
            {
                await ErrorAsync(context, 409, "Conflict: can't use getUpdates method while webhook is active; "
                    + "use deleteWebhook to delete the webhook first");
                return;
            }

            if (batch is not null)
            {
                await OkAsync(context, batch);
                return;
            }

            try
            {
                await arrived.WaitAsync(TimeSpan.FromSeconds(timeout), context.RequestAborted);
            }
            catch (TimeoutException)
            {
                // The long poll ran out: answer with whatever is there (normally nothing).
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private Task AnswerCallbackQueryAsync(HttpContext context, JsonObject parameters)
    {
        var id = FakeTelegramParameters.String(parameters, "callback_query_id");
        lock (_gate)
        {
            if (id is null || !_openCallbacks.Remove(id))
            {
                return ErrorAsync(context, 400,
                    "Bad Request: query is too old and response timeout expired or query ID is invalid");
            }

            _answeredCallbacks.Add(id);
        }

        return OkAsync(context, true);
    }

    private static long? ChatOf(JsonObject update)
    {
        foreach (var part in new[] { "message", "edited_message", "my_chat_member" })
        {
            // Tests also push malformed updates, so every step checks the shape instead of assuming it.
            if ((update[part] as JsonObject)?["chat"] is JsonObject chat && chat["id"] is JsonValue id)
            {
                return (long)id;
            }
        }

        return (update["callback_query"] as JsonObject)?["from"] is JsonObject from && from["id"] is JsonValue fromId
            ? (long)fromId
            : null;
    }
}
