using System.Globalization;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.Telegram;
using OvopBot.Outbox;
using OvopBot.Storage;
using OvopBot.Tests.Channels.Telegram.Support;
using OvopBot.Tests.Fakes;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Outbox;

/// <summary>
/// The outbox on a real SQLite file, sending through the real Telegram sender and pacer to the fake Bot API, all
/// on one hand-moved clock.
/// </summary>
public sealed class OutboxPacingFixture : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly TelegramTestClient _telegram;

    private OutboxPacingFixture(FakeTelegramServer server, TimeProvider clock, OutboxOptions outbox,
        Action<TelegramOptions>? telegram)
    {
        Server = server;
        Time = clock;
        Database = new SqliteDatabase(_temp.File("outbox.db"));
        Store = new OutboxStore(Database);
        _telegram = new TelegramTestClient(server.BaseUrl, telegram);
        Sender = new TelegramSender(_telegram.Client);
        Dispatcher = new OutboxDispatcher(Store, [TelegramSendPacer.Create(_telegram.Options.Value, clock)],
            Options.Create(outbox), clock, NullLogger<OutboxDispatcher>.Instance);
    }

    public FakeTelegramServer Server { get; }

    /// <summary>The clock of the outbox and the fake: a <see cref="ManualTimeProvider"/> unless started on the real one.</summary>
    public TimeProvider Time { get; }

    public ManualTimeProvider Clock => (ManualTimeProvider)Time;

    public SqliteDatabase Database { get; }

    public OutboxStore Store { get; }

    public TelegramSender Sender { get; }

    public OutboxDispatcher Dispatcher { get; }

    public static async Task<OutboxPacingFixture> StartAsync(OutboxOptions? outbox = null,
        Action<TelegramOptions>? telegram = null, TimeProvider? clock = null)
    {
        clock ??= new ManualTimeProvider();
        var server = await FakeTelegramServer.StartAsync(clock);
        return new OutboxPacingFixture(server, clock, outbox ?? new OutboxOptions(), telegram);
    }

    public Task<(int Handled, DateTimeOffset? PauseUntil)> DrainAsync() =>
        Dispatcher.DrainAsync(Sender, CancellationToken.None);

    /// <summary>Queues a message to a chat the fake knows (unless told otherwise); returns the outbox row id.</summary>
    public async Task<long> EnqueueAsync(long chat, string text, OutboundKind kind = OutboundKind.Reply,
        long? broadcastId = null, bool knownChat = true)
    {
        if (knownChat)
        {
            Server.AddChat(chat);
        }

        var address = chat.ToString(CultureInfo.InvariantCulture);
        var now = Time.GetUtcNow();
        using var write = await Database.BeginWriteAsync(CancellationToken.None);
        var contactId = await write.Connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO contacts (channel, address, created_at) VALUES ('telegram', @address, @now)
            ON CONFLICT (channel, address) DO UPDATE SET address = excluded.address
            RETURNING id
            """,
            new { address, now = DbTime.Write(now) }, write.Transaction);
        var id = OutboxStore.Enqueue(write, contactId, TelegramUpdateMapper.ChannelName, address, kind,
            new OutboundMessage { Text = text }, now, broadcastId: broadcastId);
        write.Commit();
        return id!.Value;
    }

    public async Task<(string Status, int Attempts, DateTimeOffset NextAttemptAt)> RowAsync(long id)
    {
        await using var connection = Database.Open();
        var row = await connection.QuerySingleAsync<(string Status, long Attempts, string Next)>(
            "SELECT status, attempts, next_attempt_at FROM outbound_messages WHERE id = @id", new { id });
        return (row.Status, (int)row.Attempts, DbTime.Read(row.Next));
    }

    public async Task<bool> ReachableAsync(long chat)
    {
        await using var connection = Database.Open();
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT reachable FROM contacts WHERE channel = 'telegram' AND address = @address",
            new { address = chat.ToString(CultureInfo.InvariantCulture) });
    }

    public IReadOnlyList<string?> TextsTo(long chat) => Server.SentTo(chat).Select(m => m.Text).ToList();

    public async ValueTask DisposeAsync()
    {
        _telegram.Dispose();
        await Server.DisposeAsync();
        Database.Dispose();
        _temp.Dispose();
    }
}
