using System.Globalization;
using Dapper;
using OvopBot.Storage;

namespace OvopBot.Channels.Sms;

/// <summary>
/// Our side of every SMS (table <c>sms_messages</c>): the id we gave the gateway → outbox row and person, and the
/// parts it cost. Also the prefix that makes our ids unique to this database, so a fresh database never reuses an id
/// the gateway still remembers (it would answer 409 and we would think the new message was sent).
/// </summary>
public sealed class SmsMessageStore(SqliteDatabase database, IChannelStateStore state)
{
    private const string PrefixKey = "sms:id-prefix";
    private string? _prefix;

    /// <summary>The gateway id of part <paramref name="part"/> (1-based) of an outbox row; at most 36 characters.</summary>
    public async Task<string> GatewayIdAsync(long outboundId, int part, CancellationToken cancellationToken)
    {
        if (_prefix is null)
        {
            var stored = await state.GetAsync(PrefixKey, cancellationToken);
            if (stored is null)
            {
                stored = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
                await state.SetAsync(PrefixKey, stored, cancellationToken);
            }

            _prefix = stored;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{_prefix}-{outboundId}-{part}");
    }

    /// <summary>Records that the gateway holds this SMS (once; a repeated send changes nothing).</summary>
    public async Task RecordAsync(string gatewayId, long outboundId, int segments, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var write = await database.BeginWriteAsync(cancellationToken);
        await write.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sms_messages (gateway_id, outbound_id, contact_id, segments, sent_at, day)
            SELECT @gatewayId, id, contact_id, @segments, @now, @day FROM outbound_messages WHERE id = @outboundId
            ON CONFLICT (gateway_id) DO NOTHING
            """,
            new { gatewayId, outboundId, segments, now = DbTime.Write(now), day = Day(now) },
            write.Transaction, cancellationToken: cancellationToken));
        write.Commit();
    }

    /// <summary>The outbox row an SMS of ours belongs to, with the row's whole platform id; null when not ours.</summary>
    public async Task<(long OutboundId, string? PlatformId)?> FindAsync(string gatewayId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return await connection.QuerySingleOrDefaultAsync<(long, string?)?>(new CommandDefinition(
            """
            SELECT s.outbound_id, o.platform_message_id FROM sms_messages s JOIN outbound_messages o ON o.id = s.outbound_id
            WHERE s.gateway_id = @gatewayId
            """,
            new { gatewayId }, cancellationToken: cancellationToken));
    }

    /// <summary>Parts sent on the WITA day of <paramref name="now"/>.</summary>
    public int SegmentsOn(DateTimeOffset now)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<int>("SELECT coalesce(sum(segments), 0) FROM sms_messages WHERE day = @day",
            new { day = Day(now) });
    }

    /// <summary>The WITA calendar day, which is the day operators and the office count in.</summary>
    public static string Day(DateTimeOffset time) =>
        time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The next WITA midnight after <paramref name="time"/>.</summary>
    public static DateTimeOffset NextDay(DateTimeOffset time)
    {
        var local = time.ToOffset(TimeSpan.FromHours(8));
        return new DateTimeOffset(local.Date.AddDays(1), TimeSpan.FromHours(8));
    }
}
