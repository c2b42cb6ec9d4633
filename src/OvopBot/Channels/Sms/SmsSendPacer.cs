using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Outbox;

namespace OvopBot.Channels.Sms;

/// <summary>
/// The SIM's limits for the outbox: at most <see cref="SmsOptions.MessagesPerMinute"/> parts a minute, evenly spaced
/// (no burst: Android counts every part in a rolling minute), and at most <see cref="SmsOptions.DailyLimit"/> parts a
/// WITA day. Broadcasts and reminders stop at nine tenths of the day's limit and wait (that person only) for the next
/// day, so replies to people who write in keep the rest; at the full limit the whole channel waits.
/// </summary>
public sealed class SmsSendPacer : ISendPacer
{
    private readonly Lock _gate = new();
    private readonly SendRateLimiter _limiter;
    private readonly SmsMessageStore _messages;
    private readonly SmsOptions _options;
    private readonly TimeProvider _time;
    private string? _day;
    private int _usedToday;

    public SmsSendPacer(IOptions<SmsOptions> options, SmsMessageStore messages, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _messages = messages;
        _time = time;
        // The shared limiter's sliding window, a minute long: never more than MessagesPerMinute parts in any minute.
        // The phone counts over that minute, so a send loop woken up to a second late (a busy server) may make it
        // good; the window still holds the minute.
        _limiter = new SendRateLimiter(
            new SendLimits(new SendWindow(_options.MessagesPerMinute, TimeSpan.FromMinutes(1)), TimeSpan.Zero) { CatchUp = SmsCatchUp }, time);
    }

    /// <summary>How far sends may run ahead of even spacing after a late wake-up (at least three parts).</summary>
    public static readonly TimeSpan SmsCatchUp = TimeSpan.FromSeconds(1);

    public string Channel => SmsChannel.Name;

    public PaceDecision TryReserve(OutboundEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var parts = SmsComposer.Segments(envelope.Message, _options.MaxPartsPerMessage);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_options.DailyLimit > 0 && DailyWait(envelope.Kind, parts, now) is { } daily)
            {
                return daily;
            }

            var decision = _limiter.TryReserve(envelope.Address, parts);
            if (decision.CanSend)
            {
                _usedToday += parts;
            }

            return decision;
        }
    }

    public void Answered(PaceDecision granted) => _limiter.Answered(granted);

    public void PlatformAskedToWait(TimeSpan wait) => _limiter.PlatformAskedToWait(wait);

    /// <summary>Parts counted today so far (reserved sends, from the store after a restart).</summary>
    public int UsedToday
    {
        get
        {
            lock (_gate)
            {
                Refresh(_time.GetUtcNow());
                return _usedToday;
            }
        }
    }

    private PaceDecision? DailyWait(OutboundKind kind, int parts, DateTimeOffset now)
    {
        Refresh(now);
        var untilTomorrow = SmsMessageStore.NextDay(now) - now;
        if (_usedToday + parts > _options.DailyLimit)
        {
            return new PaceDecision(TimeSpan.Zero, untilTomorrow);
        }

        var pushCap = _options.DailyLimit * 9 / 10;
        return kind != OutboundKind.Reply && _usedToday + parts > pushCap
            ? new PaceDecision(untilTomorrow, TimeSpan.Zero)
            : null;
    }

    private void Refresh(DateTimeOffset now)
    {
        var day = SmsMessageStore.Day(now);
        if (day != _day)
        {
            _usedToday = _messages.SegmentsOn(now);
            _day = day;
        }
    }
}
