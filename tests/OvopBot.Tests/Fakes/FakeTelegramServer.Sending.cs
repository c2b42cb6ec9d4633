using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OvopBot.Tests.Fakes;

/// <summary>
/// Sending: sendMessage and sendDocument, with Telegram's refusals (unknown chat, blocked bot, migrated group, text
/// too long) and its flood control: a token bucket per chat and one limit for the whole bot on <see cref="Clock"/>,
/// counted as a token bucket or a strict sliding window (<see cref="BotRateModel"/>).
/// </summary>
public sealed partial class FakeTelegramServer
{
    private readonly HashSet<long> _blockedChats = [];
    private readonly Dictionary<long, long> _migratedChats = [];
    private readonly Dictionary<long, FakeRateBucket> _chatBuckets = [];
    private readonly Dictionary<long, long> _lastMessageIds = [];
    private readonly List<FakeTelegramMessage> _sent = [];
    private readonly Dictionary<long, TaskCompletionSource> _slowChats = [];
    private int _floodRefusals;
    private IFakeRateLimit? _botLimit;

    /// <summary>Sustained messages per second one chat may receive (Telegram's guidance: about 1).</summary>
    public double PerChatPerSecond { get; set; } = 1;

    /// <summary>How many messages a chat may get at once before 429 (Telegram tolerates short bursts).</summary>
    public double PerChatBurst { get; set; } = 3;

    /// <summary>Messages per second for the whole bot, also its burst (Telegram's guidance: about 30).</summary>
    public double BotPerSecond { get; set; } = 30;

    /// <summary>How the bot-wide limit is counted (Telegram does not say): a token bucket unless told otherwise.</summary>
    public FakeRateModel BotRateModel { get; set; } = FakeRateModel.TokenBucket;

    /// <summary>How many sends were answered 429 (flood limit); a sender that paces itself well gets none.</summary>
    public int FloodRefusals
    {
        get
        {
            lock (_gate)
            {
                return _floodRefusals;
            }
        }
    }

    /// <summary>
    /// The fewest whole-bot tokens (sliding window: free places) left just before an accepted send took one: how
    /// close the sender came to a 429 (below 1 would have been refused). Infinity before the first send.
    /// </summary>
    public double BotHeadroom
    {
        get
        {
            lock (_gate)
            {
                return _botLimit?.Lowest ?? double.PositiveInfinity;
            }
        }
    }

    /// <summary>
    /// Called with every message the fake accepts, at the moment it accepts it (under the fake's lock: keep it
    /// short). Load runs time deliveries with it instead of polling <see cref="Sent"/>.
    /// </summary>
    public Action<FakeTelegramMessage>? Delivered { get; set; }

    public IReadOnlyList<FakeTelegramMessage> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>Makes a chat known, as if the person had pressed Start.</summary>
    public void AddChat(long chatId)
    {
        lock (_gate)
        {
            _knownChats.Add(chatId);
        }
    }

    /// <summary>The person blocked the bot: sends to them answer 403.</summary>
    public void Block(long chatId)
    {
        lock (_gate)
        {
            _knownChats.Add(chatId);
            _blockedChats.Add(chatId);
        }
    }

    /// <summary>The group was upgraded: sends to the old id answer 400 with migrate_to_chat_id.</summary>
    public void MigrateChat(long oldChatId, long newChatId)
    {
        lock (_gate)
        {
            _knownChats.Add(oldChatId);
            _knownChats.Add(newChatId);
            _migratedChats[oldChatId] = newChatId;
        }
    }

    public IReadOnlyList<FakeTelegramMessage> SentTo(long chatId) => Sent.Where(m => m.ChatId == chatId).ToList();

    /// <summary>
    /// Sends to this chat are held (as on a slow network) until <see cref="AnswerChat"/>: the request waits, then is
    /// handled as usual.
    /// </summary>
    public void SlowDownChat(long chatId)
    {
        lock (_gate)
        {
            _slowChats[chatId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets the held sends to this chat (and later ones) through.</summary>
    public void AnswerChat(long chatId)
    {
        lock (_gate)
        {
            if (_slowChats.Remove(chatId, out var held))
            {
                held.TrySetResult();
            }
        }
    }

    private async Task SendMessageAsync(HttpContext context, JsonObject parameters)
    {
        Task? held = null;
        lock (_gate)
        {
            if (FakeTelegramParameters.Long(parameters, "chat_id") is { } slow && _slowChats.TryGetValue(slow, out var hold))
            {
                held = hold.Task;
            }
        }

        if (held is not null)
        {
            await held;
        }

        await SendMessageNowAsync(context, parameters);
    }

    private Task SendMessageNowAsync(HttpContext context, JsonObject parameters)
    {
        var text = FakeTelegramParameters.String(parameters, "text") ?? "";
        if (text.Length == 0)
        {
            return ErrorAsync(context, 400, "Bad Request: message text is empty");
        }

        if (text.Length > 4096)
        {
            return ErrorAsync(context, 400, "Bad Request: message is too long");
        }

        return DeliverAsync(context, parameters, (chatId, messageId) => new FakeTelegramMessage(chatId, messageId, text,
            parameters["reply_markup"]?.DeepClone(), FakeTelegramParameters.String(parameters, "parse_mode")));
    }

    private Task SendDocumentAsync(HttpContext context, JsonObject parameters, FakeTelegramUpload? upload)
    {
        if (upload is null && FakeTelegramParameters.String(parameters, "document") is null)
        {
            return ErrorAsync(context, 400, "Bad Request: there is no document in the request");
        }

        var caption = FakeTelegramParameters.String(parameters, "caption");
        if (caption?.Length > 1024)
        {
            return ErrorAsync(context, 400, "Bad Request: message caption is too long");
        }

        return DeliverAsync(context, parameters, (chatId, messageId) => new FakeTelegramMessage(chatId, messageId, null,
            parameters["reply_markup"]?.DeepClone(), FakeTelegramParameters.String(parameters, "parse_mode"), upload,
            caption));
    }

    /// <summary>The checks every send goes through, in Telegram's order, then the recorded delivery.</summary>
    private Task DeliverAsync(HttpContext context, JsonObject parameters, Func<long, long, FakeTelegramMessage> create)
    {
        var now = Clock.GetUtcNow();
        lock (_gate)
        {
            if (FakeTelegramParameters.Long(parameters, "chat_id") is not { } chatId || !_knownChats.Contains(chatId))
            {
                return ErrorAsync(context, 400, "Bad Request: chat not found");
            }

            if (_migratedChats.TryGetValue(chatId, out var newId))
            {
                return ErrorAsync(context, 400, "Bad Request: group chat was upgraded to a supergroup chat",
                    new JsonObject { ["migrate_to_chat_id"] = newId });
            }

            if (_blockedChats.Contains(chatId))
            {
                return ErrorAsync(context, 403, "Forbidden: bot was blocked by the user");
            }

            _botLimit ??= FakeRateLimits.Create(BotRateModel, BotPerSecond, now);
            if (!_chatBuckets.TryGetValue(chatId, out var chatBucket))
            {
                _chatBuckets[chatId] = chatBucket = new FakeRateBucket(PerChatBurst, PerChatPerSecond, now);
            }

            var wait = Max(_botLimit.WaitFor(now), chatBucket.WaitFor(now));
            if (wait > TimeSpan.Zero)
            {
                var seconds = (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds));
                _floodRefusals++;
                return ErrorAsync(context, 429, $"Too Many Requests: retry after {seconds}",
                    new JsonObject { ["retry_after"] = seconds });
            }

            _botLimit.Take(now);
            chatBucket.Take(now);
            var messageId = _lastMessageIds[chatId] = _lastMessageIds.GetValueOrDefault(chatId) + 1;
            var message = create(chatId, messageId);
            _sent.Add(message);
            Delivered?.Invoke(message);
            return OkAsync(context, new JsonObject
            {
                ["message_id"] = messageId,
                ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "OVOP" },
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
                ["date"] = now.ToUnixTimeSeconds(),
                ["text"] = message.Text,
                ["caption"] = message.Caption,
            });
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
