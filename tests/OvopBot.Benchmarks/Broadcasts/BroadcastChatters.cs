using System.Collections.Concurrent;
using System.Diagnostics;

namespace OvopBot.Benchmarks.Broadcasts;

/// <summary>
/// People who write to the bot while a broadcast runs, at a human pace: a village head reads the bot's question,
/// thinks and types the answer on a basic phone, so each person waits for the reply to their message and then a think
/// time of <c>think</c> ± 50 % (uniform, seeded per person so runs compare) before sending the next one. People start
/// out of step (the first message after a random part of one think time). A reply's latency runs from the moment the
/// message is handed to the fake platform (<paramref name="say"/>: pushed onto Telegram's update queue, or posted as
/// WhatsApp's webhook) to the moment the fake accepts the bot's first message back to that person (timed by the
/// fake's <c>Delivered</c> callback, not by polling).
/// </summary>
internal sealed class BroadcastChatters(Func<long, string, Task> say, long firstChatId, int count, TimeSpan think)
{
    // The registration's first answers, then a person correcting their phone number (answer, KEMBALI, answer …):
    // every message is a real engine step with a save, and no one finishes the flow during the run.
    private static readonly string[] Opening = ["halo", "ya", "1", "Yohanes Nope"];
    private static readonly string[] Repeating = ["0812-3456-7890", "KEMBALI"];
    private static readonly TimeSpan ReplyLimit = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<long, TaskCompletionSource<long>> _waiting = new();
    private readonly ConcurrentBag<double> _latencies = [];
    private int _sent;
    private int _received;
    private int _unanswered;

    /// <summary>Messages the people sent.</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>Messages the bot sent them (more than <see cref="Sent"/> when a reply takes several messages).</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>Messages that got no reply within 30 s (counted apart, not as latencies).</summary>
    public int Unanswered => Volatile.Read(ref _unanswered);

    public LatencyReport Latencies() => LatencyReport.Of(_latencies);

    /// <summary>The fake accepted a message to one of these people at <paramref name="timestamp"/> (Stopwatch ticks).</summary>
    public void Replied(long chatId, long timestamp)
    {
        Interlocked.Increment(ref _received);
        if (_waiting.TryRemove(chatId, out var reply))
        {
            reply.TrySetResult(timestamp);
        }
    }

    /// <summary>Everyone chats until <paramref name="stop"/>; a reply already awaited is still timed.</summary>
    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(person => PersonAsync(person, stop)));

    private async Task PersonAsync(int person, CancellationToken stop)
    {
        var chatId = firstChatId + person;
        var random = new Random(person);
        if (!await PauseAsync(think * random.NextDouble(), stop))
        {
            return;
        }

        for (var turn = 0; ; turn++)
        {
            var reply = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[chatId] = reply;
            var pushedAt = Stopwatch.GetTimestamp();
            await say(chatId, turn < Opening.Length ? Opening[turn] : Repeating[(turn - Opening.Length) % Repeating.Length]);
            Interlocked.Increment(ref _sent);
            try
            {
                var repliedAt = await reply.Task.WaitAsync(ReplyLimit, CancellationToken.None);
                _latencies.Add(Stopwatch.GetElapsedTime(pushedAt, repliedAt).TotalMilliseconds);
            }
            catch (TimeoutException)
            {
                _waiting.TryRemove(chatId, out _);
                Interlocked.Increment(ref _unanswered);
            }

            if (!await PauseAsync(think * (0.5 + random.NextDouble()), stop))
            {
                return;
            }
        }
    }

    private static async Task<bool> PauseAsync(TimeSpan wait, CancellationToken stop)
    {
        try
        {
            await Task.Delay(wait, stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
