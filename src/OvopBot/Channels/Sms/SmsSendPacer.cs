using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Outbox;

namespace OvopBot.Channels.Sms;

/// <summary>
/// The SIM's limits for the outbox: at most <see cref="SmsOptions.MessagesPerMinute"/> parts in any rolling minute (with a second's margin for delays on the way),
/// sends evenly spaced (one interval of 60 s ÷ the limit apart, so the phone is never handed a burst), and at most
/// <see cref="SmsOptions.DailyLimit"/> parts a WITA day. Android and operators count every part of a long SMS, and
/// they count in rolling windows: a 3-part SMS may only go when the last minute leaves room for 3 more parts.
/// Broadcasts and reminders stop at nine tenths of the day's limit and wait (that person only) for the next day,
/// so replies to people who write in keep the rest; at the full limit the whole channel waits.
/// </summary>
public sealed class SmsSendPacer : ISendPacer
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private readonly Queue<(DateTimeOffset At, int Parts)> _lastMinute = new();
    private readonly TimeSpan _interval;
    private readonly SmsMessageStore _messages;
    private readonly SmsOptions _options;
    private readonly TimeProvider _time;
    private DateTimeOffset _lastSend = DateTimeOffset.MinValue;
    private int _partsInMinute;
    private string? _day;
    private int _usedToday;

    /// <summary>
    /// Parts are counted over a minute and a second: a send that reaches the phone up to a second later than it was
    /// paced (a slow request, a busy machine) then still cannot bring two sends closer than the rolling minute
    /// allows. It costs 1/61 of the rate (sent ÷ limit at most 0.984).
    /// </summary>
    internal static readonly TimeSpan JitterAllowance = TimeSpan.FromSeconds(1);

    private static TimeSpan Window => Minute + JitterAllowance;

    public SmsSendPacer(IOptions<SmsOptions> options, SmsMessageStore messages, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _messages = messages;
        _time = time;
        _interval = Minute / _options.MessagesPerMinute;
    }

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

            if (MinuteWait(parts, now) is { } wait)
            {
                return new PaceDecision(TimeSpan.Zero, wait);
            }

            _lastMinute.Enqueue((now, parts));
            _partsInMinute += parts;
            _lastSend = now;
            _usedToday += parts;
            return PaceDecision.Go;
        }
    }

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

    /// <summary>How long until the next send may go with this many parts, or null when it may go now.</summary>
    private TimeSpan? MinuteWait(int parts, DateTimeOffset now)
    {
        while (_lastMinute.Count > 0 && _lastMinute.Peek().At + Window <= now)
        {
            _partsInMinute -= _lastMinute.Dequeue().Parts;
        }

        var wait = _lastSend + _interval - now;
        // A message longer than the whole limit could never fit; it goes alone once the minute is empty.
        var need = Math.Min(parts, _options.MessagesPerMinute);
        var free = _partsInMinute;
        foreach (var (at, sent) in _lastMinute)
        {
            if (_options.MessagesPerMinute - free >= need)
            {
                break;
            }

            free -= sent;
            wait = Max(wait, at + Window - now);
        }

        return wait > TimeSpan.Zero ? wait : null;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

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
