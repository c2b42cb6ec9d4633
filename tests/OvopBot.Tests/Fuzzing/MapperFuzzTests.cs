using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using OvopBot.Channels.Telegram;
using OvopBot.Channels.Telegram.Api;
using OvopBot.Channels.WhatsApp;
using OvopBot.Tests.Fakes;
using OvopBot.Tests.TestSupport;
using Xunit.Abstractions;

namespace OvopBot.Tests.Fuzzing;

/// <summary>
/// Platform payloads mutated at random (wrong types, nulls, huge arrays, out-of-range timestamps, lone surrogates,
/// deep nesting): the Telegram mapper never throws on anything the JSON reader accepts, and the WhatsApp mapper
/// never throws and never loses the good messages of a batch because of a bad one. Seeded by CsCheck (a failure
/// prints the seed and the shrunk input; the payload is in the message).
/// </summary>
public sealed class MapperFuzzTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private static readonly string[] TelegramSamples =
    [
        """{"update_id":1,"message":{"message_id":5,"date":1764000000,"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"Yohanes","language_code":"id"},"text":"halo"}}""",
        """{"update_id":2,"message":{"message_id":6,"date":1764000000,"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"Y"},"text":"/start OVOP-AAAAA-BBBBB","entities":[{"type":"bot_command","offset":0,"length":6}]}}""",
        """{"update_id":3,"message":{"message_id":7,"date":1764000000,"chat":{"id":42,"type":"private"},"photo":[{"file_id":"a","file_unique_id":"u","width":90,"height":90},{"file_id":"b","file_unique_id":"v","width":800,"height":600}],"caption":"foto"}}""",
        """{"update_id":4,"message":{"message_id":8,"date":1764000000,"chat":{"id":42,"type":"private"},"location":{"latitude":-10.17,"longitude":123.61}}}""",
        """{"update_id":5,"message":{"message_id":9,"date":1764000000,"chat":{"id":42,"type":"private"},"contact":{"phone_number":"+628123","first_name":"A","user_id":42}}}""",
        """{"update_id":6,"message":{"message_id":10,"date":1764000000,"chat":{"id":42,"type":"private"},"voice":{"file_id":"v","file_unique_id":"w","duration":3}}}""",
        """{"update_id":7,"edited_message":{"message_id":5,"date":1764000000,"edit_date":1764000100,"chat":{"id":42,"type":"private"},"text":"ubah"}}""",
        """{"update_id":8,"callback_query":{"id":"cb","from":{"id":42,"is_bot":false,"first_name":"Y"},"message":{"message_id":5,"date":1764000000,"chat":{"id":42,"type":"private"}},"data":"opt:2"}}""",
        """{"update_id":9,"my_chat_member":{"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"Y"},"date":1764000000,"old_chat_member":{"status":"member","user":{"id":1,"is_bot":true,"first_name":"bot"}},"new_chat_member":{"status":"kicked","user":{"id":1,"is_bot":true,"first_name":"bot"}}}}""",
    ];

    [Fact]
    public void The_telegram_mapper_never_throws_on_a_mutated_update()
    {
        var mapper = new TelegramUpdateMapper(new ManualTimeProvider(Now));
        Gen.Select(Gen.Int[0, TelegramSamples.Length - 1], Gen.Int, Gen.Int[1, 6]).Sample((sample, seed, mutations) =>
        {
            var node = JsonNode.Parse(TelegramSamples[sample])!;
            var random = new Random(seed);
            for (var i = 0; i < mutations; i++)
            {
                node = JsonMutator.Mutate(node, random);
            }

            var json = node?.ToJsonString() ?? "null";
            Update? update;
            try
            {
                update = JsonSerializer.Deserialize<Update>(json, TelegramClient.Json);
            }
            catch (JsonException)
            {
                return; // the endpoint answers 400 and the poller skips it: never a crash
            }

            try
            {
                _ = update is null ? null : mapper.Map(update);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"the mapper threw {e.GetType().Name} on {Shorten(json)}", e);
            }
        }, writeLine: output.WriteLine, iter: 800);
    }

    [Fact]
    public void A_bad_entry_in_a_whatsapp_batch_never_loses_the_good_ones()
    {
        Gen.Select(Gen.Int, Gen.Int[1, 6], Gen.Int[2, 6]).Sample((seed, mutations, count) =>
        {
            var random = new Random(seed);
            var bad = random.Next(count);
            var messages = Enumerable.Range(0, count).Select(i => (i % 3) switch
            {
                0 => WebhookPayloads.Text("62812000000" + i, $"wamid.{i}", "halo " + i, Now),
                1 => WebhookPayloads.Message("62812000000" + i, $"wamid.{i}", Now, "location", new JsonObject { ["latitude"] = -10.17, ["longitude"] = 123.61 }),
                _ => WebhookPayloads.Message("62812000000" + i, $"wamid.{i}", Now, "image", new JsonObject { ["id"] = "media" + i, ["caption"] = "foto" }),
            }).ToArray();
            JsonNode mutated = messages[bad].DeepClone();
            for (var i = 0; i < mutations; i++)
            {
                mutated = JsonMutator.Mutate(mutated, random) ?? JsonValue.Create(0);
            }

            var payload = JsonNode.Parse(WebhookPayloads.Messages(messages))!;
            payload["entry"]![0]!["changes"]![0]!["value"]!["messages"]![bad] = mutated.DeepClone();
            var json = payload.ToJsonString();
            if (Depth(payload) > 64)
            {
                return; // the JSON reader refuses the whole body (HTTP 400, Meta never nests that deep)
            }

            using var doc = JsonDocument.Parse(json);
            WhatsAppWebhookBatch batch;
            try
            {
                batch = WhatsAppWebhookMapper.Map(doc.RootElement, WebhookPayloads.PhoneNumberId, Now);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"the mapper threw {e.GetType().Name} on {Shorten(json)}", e);
            }

            var good = Enumerable.Range(0, count).Where(i => i != bad).Select(i => $"wamid.{i}");
            var missing = good.Except(batch.Messages.Select(m => m.ExternalId)).ToList();
            Assert.True(missing.Count == 0, $"lost {string.Join(", ", missing)} because of {Shorten(mutated.ToJsonString())}");
        }, writeLine: output.WriteLine, iter: 800);
    }

    private static int Depth(JsonNode? node) => node switch
    {
        JsonObject o => 1 + o.Select(p => Depth(p.Value)).DefaultIfEmpty(0).Max(),
        JsonArray a => 1 + a.Select(Depth).DefaultIfEmpty(0).Max(),
        _ => 0,
    };

    private static string Shorten(string json) => json.Length <= 600 ? json : json[..600] + $"…({json.Length} chars)";
}

/// <summary>One random change to a JSON tree: a value replaced by another type, null, a huge array, an extreme number, a lone surrogate…</summary>
internal static class JsonMutator
{
    private static readonly Func<Random, JsonNode?>[] Replacements =
    [
        _ => null,
        _ => JsonValue.Create("\ud800"),
        _ => JsonValue.Create("x\udfffy"),
        _ => JsonValue.Create(""),
        _ => JsonValue.Create(long.MaxValue),
        _ => JsonValue.Create(long.MinValue),
        _ => JsonValue.Create(-1),
        _ => JsonValue.Create(0),
        _ => JsonValue.Create(1e300),
        _ => JsonValue.Create("99999999999999999999"),
        _ => JsonValue.Create("-62135596801"),
        _ => JsonValue.Create("NaN"),
        _ => JsonValue.Create("Infinity"),
        _ => JsonValue.Create(true),
        _ => new JsonObject(),
        _ => new JsonArray(),
        _ => new JsonArray(Enumerable.Range(0, 10_000).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
        r => new JsonArray(Enumerable.Range(0, 2_000).Select(i => (JsonNode?)new JsonObject { ["file_id"] = "f" + i, ["width"] = r.Next(), ["height"] = int.MaxValue }).ToArray()),
        _ => Deep(30), // deeper than 64 the JSON reader refuses the whole body (HTTP 400), as it should
        r => JsonValue.Create(HostileInputs.Text(r)),
    ];

    public static JsonNode? Mutate(JsonNode? root, Random random)
    {
        var all = new List<JsonNode?> { root };
        Collect(root, all);
        var target = all[random.Next(all.Count)];
        var replacement = Replacements[random.Next(Replacements.Length)](random);
        if (target is null || target == root)
        {
            return replacement;
        }

        switch (target.Parent)
        {
            case JsonObject parent:
                parent[parent.First(p => p.Value == target).Key] = replacement;
                break;
            case JsonArray array:
                array[array.IndexOf(target)] = replacement;
                break;
        }

        return root;
    }

    private static void Collect(JsonNode? node, List<JsonNode?> all)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o)
                {
                    if (value is not null)
                    {
                        all.Add(value);
                        Collect(value, all);
                    }
                }

                break;
            case JsonArray a when a.Count < 100:
                foreach (var value in a.Where(v => v is not null))
                {
                    all.Add(value);
                    Collect(value, all);
                }

                break;
        }
    }

    private static JsonNode Deep(int depth)
    {
        JsonNode node = new JsonObject();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonObject { ["a"] = node };
        }

        return node;
    }
}
