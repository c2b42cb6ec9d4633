using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.Telegram;
using OvopBot.Tests.Channels.Telegram.Support;
using OvopBot.Tests.TestSupport;
using OvopBot.Tests.Fakes;

namespace OvopBot.Tests.Channels.Telegram;

public sealed class TelegramPollingServiceTests : IAsyncLifetime
{
    private const long Chat = 5123456789;
    private readonly ManualTimeProvider _clock = new();
    private readonly InMemoryInboundSink _sink = new();
    private readonly InMemoryChannelStateStore _state = new();
    private FakeTelegramServer _server = null!;
    private TelegramTestClient _telegram = null!;
    private TelegramPollingService? _service;

    public async Task InitializeAsync()
    {
        _server = await FakeTelegramServer.StartAsync(_clock);
        _telegram = new TelegramTestClient(_server.BaseUrl, o => o.PollTimeoutSeconds = 50);
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.StopAsync(CancellationToken.None);
            _service.Dispose();
        }

        _telegram.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<TelegramPollingService> StartAsync()
    {
        _service = new TelegramPollingService(_telegram.Client, new TelegramUpdateMapper(_clock), _sink, _state,
            _telegram.Options, _clock, NullLogger<TelegramPollingService>.Instance);
        await _service.StartAsync(CancellationToken.None);
        return _service;
    }

    private long? OffsetOf(FakeTelegramCall call) => FakeTelegramParameters.Long(call.Parameters, "offset");

    private string? StoredOffset => _state.Writes.LastOrDefault(w => w.Key == TelegramPollingService.OffsetKey).Value;

    [Fact]
    public async Task Updates_are_committed_then_the_next_poll_confirms_them_with_the_stored_offset()
    {
        _server.PushText(Chat, "/start");
        var last = _server.PushText(Chat, "Kopi");

        await StartAsync();
        await _sink.WaitForAcceptedAsync(2);
        await _server.WaitForCallsAsync("getUpdates", 2);

        Assert.Equal(["/start", "Kopi"], _sink.Accepted.Select(m => m.Text));
        Assert.Equal([InboundKind.Command, InboundKind.Text], _sink.Accepted.Select(m => m.Kind));
        Assert.Equal((last + 1).ToString(CultureInfo.InvariantCulture), StoredOffset);
        Assert.Equal(last + 1, OffsetOf(_server.CallsOf("getUpdates")[1]));
        await _server.WaitUntilAsync(s => s.PendingUpdateIds.Count == 0);
    }

    [Fact]
    public async Task The_first_start_removes_a_webhook_without_dropping_pending_updates_and_names_the_update_types()
    {
        var pending = _server.PushText(Chat, "halo");

        await StartAsync();
        await _sink.WaitForAcceptedAsync(1);

        var delete = Assert.Single(_server.CallsOf("deleteWebhook"));
        Assert.False(FakeTelegramParameters.Bool(delete.Parameters, "drop_pending_updates"));
        var firstPoll = _server.CallsOf("getUpdates")[0];
        Assert.Null(OffsetOf(firstPoll));
        Assert.Equal(["message", "edited_message", "callback_query", "my_chat_member"],
            firstPoll.Parameters["allowed_updates"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(50, FakeTelegramParameters.Long(firstPoll.Parameters, "timeout"));
        Assert.Equal(pending.ToString(CultureInfo.InvariantCulture), _sink.Accepted[0].ExternalId);
    }

    [Fact]
    public async Task Polling_resumes_from_the_offset_stored_before_a_restart()
    {
        _server.PushText(Chat, "satu");
        _server.PushText(Chat, "dua");
        var third = _server.PushText(Chat, "tiga");
        await _state.SetAsync(TelegramPollingService.OffsetKey, third.ToString(CultureInfo.InvariantCulture), default);

        await StartAsync();
        await _sink.WaitForAcceptedAsync(1);
        await _server.WaitForCallsAsync("getUpdates", 2);

        Assert.Equal(third, OffsetOf(_server.CallsOf("getUpdates")[0]));
        Assert.Equal(["tiga"], _sink.Accepted.Select(m => m.Text));
    }

    [Fact]
    public async Task When_the_store_fails_the_offset_stays_and_the_same_updates_are_read_again()
    {
        _sink.FailuresToThrow = 1;
        var update = _server.PushText(Chat, "Madu hutan");

        await StartAsync();
        await _clock.WaitForTimersAsync(1);

        Assert.Equal(1, _sink.Calls);
        Assert.Empty(_sink.Accepted);
        Assert.Null(StoredOffset);
        Assert.Equal([update], _server.PendingUpdateIds);

        _clock.Advance(_clock.ScheduledDelays[0]);
        await _sink.WaitForAcceptedAsync(1);
        await _server.WaitForCallsAsync("getUpdates", 3);

        Assert.Null(OffsetOf(_server.CallsOf("getUpdates")[1]));
        Assert.Equal((update + 1).ToString(CultureInfo.InvariantCulture), StoredOffset);
    }

    [Fact]
    public async Task An_immediate_empty_answer_makes_the_poller_pause_instead_of_spinning()
    {
        _server.IgnoreLongPollTimeout = true;

        await StartAsync();
        await _clock.WaitForTimersAsync(1);

        Assert.Single(_server.CallsOf("getUpdates"));
        Assert.Equal(TelegramPollingService.MinEmptyPollInterval, _clock.ScheduledDelays[0]);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await _clock.WaitForTimersAsync(2);

        Assert.Equal(2, _server.CallsOf("getUpdates").Count);
    }

    [Fact]
    public async Task Errors_back_off_with_growing_pauses_and_the_loop_keeps_going()
    {
        _server.FailNext("getUpdates", 502, "<html>Bad Gateway</html>");
        _server.FailNext("getUpdates", 409, """{"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"}""");
        _server.FailNext("getUpdates", 429, """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 9","parameters":{"retry_after":9}}""");

        var service = await StartAsync();
        for (var i = 1; i <= 3; i++)
        {
            await _clock.WaitForTimersAsync(i);
            _clock.Advance(_clock.ScheduledDelays[i - 1]);
        }

        _server.PushText(Chat, "masih hidup");
        await _sink.WaitForAcceptedAsync(1);

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(9)], _clock.ScheduledDelays);
        Assert.False(service.ExecuteTask!.IsCompleted);
    }

    [Fact]
    public async Task A_callback_query_is_committed_and_then_answered()
    {
        var (_, queryId) = _server.PushCallback(Chat, "kopi");

        await StartAsync();
        await _server.WaitUntilAsync(s => s.AnsweredCallbacks.Contains(queryId));

        var choice = Assert.Single(_sink.Accepted);
        Assert.Equal((InboundKind.Choice, "kopi"), (choice.Kind, choice.ChoiceId));
    }

    [Fact]
    public async Task An_unreadable_update_is_skipped_without_blocking_the_ones_behind_it()
    {
        _server.PushUpdate(new JsonObject { ["message"] = new JsonObject { ["chat"] = "not a chat" } });
        var good = _server.PushText(Chat, "Tenun ikat");

        await StartAsync();
        await _sink.WaitForAcceptedAsync(1);
        await _server.WaitForCallsAsync("getUpdates", 2);

        Assert.Equal("Tenun ikat", Assert.Single(_sink.Accepted).Text);
        Assert.Equal((good + 1).ToString(CultureInfo.InvariantCulture), StoredOffset);
    }

    [Fact]
    public async Task Stopping_during_a_long_poll_ends_the_service_quietly()
    {
        var service = await StartAsync();
        await _server.WaitForCallsAsync("getUpdates");

        await service.StopAsync(CancellationToken.None);

        Assert.True(service.ExecuteTask!.IsCompletedSuccessfully);
    }
}
