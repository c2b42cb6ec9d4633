using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using static OvopBot.Tests.Fakes.WebhookPayloads;

namespace OvopBot.Tests.Channels.WhatsApp.EndToEnd;

public sealed class WhatsAppWebhookEndToEndTests : IAsyncLifetime
{
    private WhatsAppService _service = null!;

    public async Task InitializeAsync() => _service = await WhatsAppService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task A_webhook_with_a_missing_or_wrong_signature_is_refused_and_nothing_is_stored(bool sign,
        string? signature)
    {
        using var response = await _service.Graph.PostWebhookAsync(_service.Webhook,
            Messages(Text("6281234567890", "wamid.FORGED", "halo", Now)), signature, sign);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, _service.Count("SELECT count(*) FROM inbound_messages"));
        Assert.Equal(0, _service.Count("SELECT count(*) FROM contacts"));
        Assert.Equal(0, _service.Count("SELECT count(*) FROM outbound_messages"));
    }

    [Fact]
    public async Task A_replayed_webhook_is_processed_once()
    {
        var payload = Messages(Text("6281234567890", "wamid.ONCE", "halo", Now));

        using (var first = await _service.Graph.PostWebhookAsync(_service.Webhook, payload))
        using (var again = await _service.Graph.PostWebhookAsync(_service.Webhook, payload))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        await _service.WaitForTurnAsync("6281234567890", "wamid.ONCE");
        Assert.Equal(1, _service.Count("SELECT count(*) FROM inbound_messages"));
        Assert.Equal(1, _service.Count("SELECT count(*) FROM outbound_messages"));
        Assert.Single(_service.SentTo("6281234567890"));
    }

    [Fact]
    public async Task A_batch_of_sixty_messages_from_ten_people_advances_every_conversation_in_order()
    {
        var people = Enumerable.Range(0, 10).Select(i => $"62812000000{i:D2}").ToList();
        string[] Says(int person) => ["halo", "ya", "Oelnasi", "1", "1", $"Warga Nomor {person}"];
        // Interleaved as Meta may batch them: everyone's first message, then everyone's second, …
        var messages = Enumerable.Range(0, 6)
            .SelectMany(turn => people.Select((from, p) => Text(from, $"wamid.B{p:D2}T{turn}", Says(p)[turn], Now)))
            .ToArray();
        Assert.Equal(60, messages.Length);

        await _service.PostAsync(messages);

        foreach (var (from, p) in people.Select((from, p) => (from, p)))
        {
            await _service.WaitForTurnAsync(from, $"wamid.B{p:D2}T5");
        }

        using var connection = _service.Database.Open();
        foreach (var (from, p) in people.Select((from, p) => (from, p)))
        {
            // The question each message answered, in the order they came: the phone is never asked on WhatsApp.
            var answered = connection.Query<string?>(
                "SELECT i.node_id FROM inbound_messages i JOIN contacts c ON c.id = i.contact_id " +
                "WHERE c.address = @from ORDER BY i.id", new { from }).ToList();
            Assert.Equal([null, "consent", "village", "village", "role", "name"], answered);
            var (node, json) = connection.QuerySingle<(string, string)>(
                "SELECT s.node_id, b.answers_json FROM sessions s JOIN contacts c ON c.id = s.contact_id " +
                "JOIN submissions b ON b.id = s.submission_id WHERE c.address = @from", new { from });
            Assert.Equal("product_name", node);
            var answers = JsonNode.Parse(json)!.AsObject();
            Assert.Equal($"Warga Nomor {p}", (string?)answers["respondent.name"]);
            Assert.Equal("+" + from, (string?)answers["respondent.phone"]);
            var texts = _service.SentTo(from).Select(WhatsAppService.TextOf).ToList();
            Assert.Contains("setuju?", texts[0], StringComparison.Ordinal);
            Assert.Contains("produk unggulan desa", texts[^1], StringComparison.Ordinal);
        }
    }
}
