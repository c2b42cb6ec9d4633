using CsCheck;
using Dapper;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.Sms;
using OvopBot.Reminders;
using OvopBot.Storage;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Channels.Sms;

/// <summary>The SIM's budget: the daily limit (replies keep the last tenth), the per-minute pace, reminders once.</summary>
public sealed class SmsCostTests : IDisposable
{
    private const string Person = "+6281234567890";
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private SmsSendPacer Pacer(int dailyLimit, int perMinute = 600) => new(
        Options.Create(new SmsOptions { ApiBaseUrl = "http://127.0.0.1:1", DailyLimit = dailyLimit, MessagesPerMinute = perMinute }),
        new SmsMessageStore(_bot.Database, _bot.Get<IChannelStateStore>()), _bot.Time);

    private static OutboundEnvelope Envelope(OutboundKind kind, string address = Person, string text = "Halo Bapak/Ibu") =>
        new(1, address, kind, new OutboundMessage { Text = text });

    [Fact]
    public void Broadcasts_stop_at_nine_tenths_of_the_daily_limit_replies_at_the_limit_and_the_next_WITA_day_starts_again()
    {
        var pacer = Pacer(dailyLimit: 10);
        for (var i = 0; i < 9; i++)
        {
            Assert.True(pacer.TryReserve(Envelope(OutboundKind.Broadcast, $"+62812000000{i:D2}")).CanSend);
            _bot.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var held = pacer.TryReserve(Envelope(OutboundKind.Broadcast, "+6281200000099"));
        Assert.False(held.CanSend);
        // Only that person waits, until midnight WITA (the clock is at 09:00 WITA): replies to others go on.
        Assert.Equal(TimeSpan.Zero, held.ChannelWait);
        Assert.InRange(held.ChatWait, TimeSpan.FromHours(14.9), TimeSpan.FromHours(15));
        Assert.True(pacer.TryReserve(Envelope(OutboundKind.Reply)).CanSend);
        _bot.Time.Advance(TimeSpan.FromSeconds(1));

        var full = pacer.TryReserve(Envelope(OutboundKind.Reply, "+6285200000001"));
        Assert.False(full.CanSend);
        Assert.True(full.ChannelWait > TimeSpan.FromHours(14));
        Assert.Equal(10, pacer.UsedToday);

        _bot.Time.Advance(full.ChannelWait);
        Assert.True(pacer.TryReserve(Envelope(OutboundKind.Broadcast, "+6281200000099")).CanSend);
        Assert.Equal(1, pacer.UsedToday);
    }

    [Fact]
    public void The_pace_never_passes_MessagesPerMinute_in_any_rolling_minute_and_makes_good_a_send_loop_woken_late()
    {
        // A busy server wakes the send loop late (here up to 0.8 s, at random); the phone counts over a minute, so
        // the pacer may make that good, and no rolling minute may hold more than the limit.
        const int perMinute = 600;
        Gen.Int[0, 800].Array[64].Sample(lateness =>
        {
            var time = new ManualTimeProvider();
            var pacer = new SmsSendPacer(
                Options.Create(new SmsOptions { ApiBaseUrl = "http://127.0.0.1:1", MessagesPerMinute = perMinute }),
                new SmsMessageStore(_bot.Database, _bot.Get<IChannelStateStore>()), time);
            var start = time.GetUtcNow();
            var sent = new List<DateTimeOffset>();
            for (var wake = 0; time.GetUtcNow() - start < TimeSpan.FromMinutes(3); wake++)
            {
                var decision = pacer.TryReserve(Envelope(OutboundKind.Broadcast, $"+62812{sent.Count:D8}"));
                if (decision.CanSend)
                {
                    sent.Add(time.GetUtcNow());
                    pacer.Answered(decision);
                    continue;
                }

                time.Advance(decision.ChannelWait + TimeSpan.FromMilliseconds(lateness[wake % lateness.Length]));
            }

            var busiest = sent.Select((at, i) => sent.Skip(i).TakeWhile(t => t - at < TimeSpan.FromMinutes(1)).Count()).Max();
            Assert.True(busiest <= perMinute, $"{busiest} in one rolling minute");
            var pace = (sent.Count - 1) / (sent[^1] - sent[0]).TotalMinutes;
            Assert.True(pace >= 0.97 * perMinute, $"{pace:F1} a minute");
        }, iter: 10);
    }

    [Fact]
    public async Task The_count_of_the_day_survives_a_restart_from_our_record_of_sent_SMS()
    {
        using (var connection = _bot.Database.Open())
        {
            connection.Execute("INSERT INTO contacts (channel, address, created_at) VALUES ('sms', @Person, '2026-11-23T00:00:00.000Z')",
                new { Person });
            connection.Execute(
                "INSERT INTO outbound_messages (contact_id, channel, address, kind, text, payload_json, status, next_attempt_at, created_at) " +
                "VALUES (1, 'sms', @Person, 0, 'x', '{}', 'sent', '2026-11-23T00:00:00.000Z', '2026-11-23T00:00:00.000Z')",
                new { Person });
        }

        var store = new SmsMessageStore(_bot.Database, _bot.Get<IChannelStateStore>());
        await store.RecordAsync("abc-1-1", 1, 3, _bot.Time.GetUtcNow(), CancellationToken.None);
        await store.RecordAsync("abc-1-1", 1, 3, _bot.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(3, Pacer(dailyLimit: 10).UsedToday);
    }

    [Fact]
    public void Parts_never_exceed_the_limit_in_any_rolling_minute_even_for_long_SMS()
    {
        var pacer = Pacer(dailyLimit: 0, perMinute: 20);
        var sent = new List<(DateTimeOffset At, int Parts)>();
        var start = _bot.Time.GetUtcNow();
        var n = 0;
        while (_bot.Time.GetUtcNow() - start < TimeSpan.FromMinutes(5))
        {
            // 1, 2 and 3-part messages in turn: Android counts every part.
            var text = new string('a', 150 * ((n % 3) + 1));
            var kind = n % 4 == 0 ? OutboundKind.Reply : OutboundKind.Broadcast;
            var decision = pacer.TryReserve(Envelope(kind, $"+628120000{n % 50:D4}", text));
            if (decision.CanSend)
            {
                sent.Add((_bot.Time.GetUtcNow(), SmsText.Segments(text)));
                pacer.Answered(decision); // the gateway took it at once
                n++;
            }

            _bot.Time.Advance(TimeSpan.FromMilliseconds(250));
        }

        var busiest = sent.Max(s => sent.Where(u => u.At >= s.At && u.At < s.At + TimeSpan.FromMinutes(1)).Sum(u => u.Parts));
        Assert.InRange(busiest, 18, 20);
        // Mixed lengths lose a little at the edges of the window; single-part broadcasts are measured by the benchmark.
        Assert.InRange(sent.Sum(s => s.Parts), 90, 100);
    }

    [Fact]
    public async Task On_SMS_a_person_is_reminded_once_not_twice()
    {
        var n = 0;
        Task Text(string text) => _bot.SendAsync(new InboundMessage
        {
            Channel = SmsChannel.Name, Address = Person, Phone = Person, Kind = InboundKind.Text, Text = text,
            ExternalId = $"sms:{++n}", ReceivedAt = _bot.Time.GetUtcNow(),
        });
        await Text("halo");
        await Text("ya");
        var reminders = _bot.Get<ReminderService>();

        _bot.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await reminders.SendDueAsync(CancellationToken.None));
        _bot.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await reminders.SendDueAsync(CancellationToken.None));

        using var connection = _bot.Database.Open();
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM outbound_messages WHERE kind = 1 AND channel = 'sms'"));
    }
}
