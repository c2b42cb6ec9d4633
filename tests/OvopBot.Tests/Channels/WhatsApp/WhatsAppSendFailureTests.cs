using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.WhatsApp;
using OvopBot.Tests.Fakes;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Channels.WhatsApp;

public sealed class WhatsAppSendFailureTests : IAsyncLifetime
{
    private const string Person = "6281234567890";
    private WhatsAppTestHost _host = null!;
    private long _nextId;

    public async Task InitializeAsync() => _host = await WhatsAppTestHost.StartAsync(new()
    {
        ["WhatsApp:MessagesPerSecond"] = "3",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<string> SendAsync(string to = Person, string text = "Terima kasih.") =>
        _host.Sender.SendAsync(new OutboundEnvelope(++_nextId, to, OutboundKind.Reply, new OutboundMessage { Text = text }),
            CancellationToken.None);

    [Theory]
    [InlineData(130429, 400, SendFailureKind.Transient, true, 2.0)]
    [InlineData(131056, 400, SendFailureKind.Transient, false, 6.0)]
    [InlineData(131026, 400, SendFailureKind.Unreachable, false, null)]
    [InlineData(190, 401, SendFailureKind.ChannelDown, true, null)]
    [InlineData(131009, 400, SendFailureKind.Permanent, false, null)]
    [InlineData(100, 400, SendFailureKind.Permanent, false, null)]
    [InlineData(132001, 404, SendFailureKind.Permanent, false, null)]
    [InlineData(131000, 500, SendFailureKind.Transient, false, null)]
    [InlineData(2, 503, SendFailureKind.Transient, false, null)]
    [InlineData(131057, 400, SendFailureKind.Transient, true, 60.0)]
    public async Task A_Graph_error_code_becomes_the_failure_kind_the_outbox_acts_on(int code, int status,
        SendFailureKind kind, bool channelWide, double? retryAfterSeconds)
    {
        await _host.PersonWritesAsync(Person);
        _host.Graph.FailNext(code, status);

        var failure = await Assert.ThrowsAsync<ChannelSendException>(() => SendAsync());

        Assert.Equal(kind, failure.Kind);
        Assert.Equal(channelWide, failure.ChannelWide);
        Assert.Equal(retryAfterSeconds, failure.RetryAfter?.TotalSeconds);
        var api = Assert.IsType<WhatsAppApiException>(failure.InnerException);
        Assert.Equal(code, api.Code);
        Assert.Equal("AFakeTrace123", api.FbTraceId);
    }

    [Theory]
    [InlineData("button", 3, 21)]
    [InlineData("button", 4, 10)]
    [InlineData("list", 11, 10)]
    [InlineData("list", 5, 25)]
    public async Task The_fake_platform_refuses_buttons_and_lists_over_the_limits_with_131009(string type, int count,
        int titleLength)
    {
        await _host.PersonWritesAsync(Person);
        var items = Enumerable.Range(1, count)
            .Select(i => (JsonNode)new JsonObject { ["id"] = $"k{i}", ["title"] = i + new string('x', titleLength - 1) })
            .ToArray();
        JsonObject action = type == "button"
            ? new() { ["buttons"] = new JsonArray(items.Select(i => (JsonNode)new JsonObject
                { ["type"] = "reply", ["reply"] = i }).ToArray()) }
            : new() { ["button"] = "Pilih", ["sections"] = new JsonArray(new JsonObject
                { ["title"] = "Kategori", ["rows"] = new JsonArray(items) }) };
        var payload = new JsonObject
        {
            ["messaging_product"] = "whatsapp", ["to"] = "+" + Person, ["type"] = "interactive",
            ["interactive"] = new JsonObject { ["type"] = type, ["body"] = new JsonObject { ["text"] = "?" }, ["action"] = action },
        };
        var client = _host.Services.GetRequiredService<WhatsAppClient>();

        var error = await Assert.ThrowsAsync<WhatsAppApiException>(() => client.SendMessageAsync(payload, default));

        Assert.Equal(131009, error.Code);
        Assert.Equal(SendFailureKind.Permanent, WhatsAppErrorClassifier.ToSendException(error).Kind);
    }

    [Fact]
    public void An_HTTP_error_without_a_Graph_envelope_is_classified_by_status()
    {
        Assert.Equal(SendFailureKind.Transient, WhatsAppErrorClassifier.Classify(null, HttpStatusCode.BadGateway).Kind);
        Assert.Equal(SendFailureKind.Permanent, WhatsAppErrorClassifier.Classify(null, HttpStatusCode.BadRequest).Kind);
    }

    [Fact]
    public async Task The_platform_throughput_limit_answers_are_channel_wide_and_transient()
    {
        _host.Graph.MessagesPerSecond = 2;
        foreach (var person in new[] { "62811000001", "62811000002", "62811000003" })
        {
            await _host.PersonWritesAsync(person);
        }

        await SendAsync("62811000001");
        await SendAsync("62811000002");
        var failure = await Assert.ThrowsAsync<ChannelSendException>(() => SendAsync("62811000003"));

        Assert.Equal((SendFailureKind.Transient, true), (failure.Kind, failure.ChannelWide));
        Assert.Equal(130429, Assert.IsType<WhatsAppApiException>(failure.InnerException).Code);
        Assert.NotNull(failure.RetryAfter);
    }

    [Fact]
    public async Task Our_own_throughput_budget_holds_a_send_back_before_it_reaches_the_platform()
    {
        var people = new[] { "62811000001", "62811000002", "62811000003", "62811000004" };
        foreach (var person in people)
        {
            await _host.PersonWritesAsync(person);
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await PacedSendAsync(people[i])).CanSend);
        }

        var held = await PacedSendAsync(people[3]);
        _host.Clock.Advance(held.ChannelWait);
        var later = await PacedSendAsync(people[3]);

        // Three answered now keep their places in the 3/s window for one second.
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.Zero), (held.ChannelWait, held.ChatWait));
        Assert.True(later.CanSend);
        Assert.Equal(4, _host.Graph.MessageRequests);
        Assert.Equal(0, _host.Graph.ThroughputRefusals);
    }

    [Fact]
    public async Task Two_messages_to_one_person_at_once_are_paced_apart_without_holding_others()
    {
        await _host.PersonWritesAsync(Person);
        await _host.PersonWritesAsync("62811000009");

        await PacedSendAsync(Person, "Pertanyaan 1");
        var held = await PacedSendAsync(Person, "Pertanyaan 2");
        var other = await PacedSendAsync("62811000009", "Pertanyaan 1");
        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        var later = await PacedSendAsync(Person, "Pertanyaan 2");

        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.Zero), (held.ChatWait, held.ChannelWait));
        Assert.True(other.CanSend && later.CanSend);
        Assert.Equal(3, _host.Graph.MessageRequests);
    }

    /// <summary>Asks the channel's registered pacer, as the outbox does, and sends only when it says go.</summary>
    private async Task<PaceDecision> PacedSendAsync(string to, string text = "Terima kasih.")
    {
        var pacer = _host.Services.GetServices<ISendPacer>().Single(p => p.Channel == "whatsapp");
        var envelope = new OutboundEnvelope(++_nextId, to, OutboundKind.Reply, new OutboundMessage { Text = text });
        var decision = pacer.TryReserve(envelope);
        if (decision.CanSend)
        {
            await _host.Sender.SendAsync(envelope, CancellationToken.None);
            pacer.Answered(decision);
        }

        return decision;
    }

    [Fact]
    public async Task A_platform_that_cannot_be_reached_is_a_transient_failure()
    {
        var port = FreePort();
        var options = Options.Create(new WhatsAppOptions
        {
            AccessToken = "FAKE-WA-TOKEN", PhoneNumberId = "1", AppSecret = "s", VerifyToken = "v",
            ApiBaseUrl = $"http://127.0.0.1:{port}/v25.0",
        });
        var clock = new ManualTimeProvider();
        var window = new InMemoryInbound();
        await window.AcceptAsync([new InboundMessage
        {
            Channel = "whatsapp", Address = Person, ExternalId = "w1", Kind = InboundKind.Text,
            ReceivedAt = clock.GetUtcNow(),
        }], CancellationToken.None);
        using var http = new HttpClient();
        var sender = new WhatsAppSender(new WhatsAppClient(http, options, NullLogger<WhatsAppClient>.Instance),
            window, clock, options, NullLogger<WhatsAppSender>.Instance);

        var failure = await Assert.ThrowsAsync<ChannelSendException>(() => sender.SendAsync(
            new OutboundEnvelope(1, Person, OutboundKind.Reply, new OutboundMessage { Text = "Halo" }),
            CancellationToken.None));

        Assert.Equal(SendFailureKind.Transient, failure.Kind);
        Assert.IsType<HttpRequestException>(failure.InnerException);
    }

    [Fact]
    public async Task The_access_token_appears_in_no_exception_and_no_log_line_even_when_the_platform_echoes_it()
    {
        await _host.PersonWritesAsync(Person);
        _host.Graph.FailNext(190, 401, "Invalid OAuth access token " + _host.Graph.AccessToken);

        var failure = await Assert.ThrowsAsync<ChannelSendException>(() => SendAsync());

        Assert.Equal(SendFailureKind.ChannelDown, failure.Kind);
        Assert.DoesNotContain(_host.Graph.AccessToken, failure.ToString(), StringComparison.Ordinal);
        Assert.Contains("[redacted]", failure.Message, StringComparison.Ordinal);
        Assert.NotEmpty(_host.Logs.Lines);
        Assert.All(_host.Logs.Lines, l => Assert.DoesNotContain(_host.Graph.AccessToken, l, StringComparison.Ordinal));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
