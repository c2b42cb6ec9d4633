using Dapper;
using OvopBot.Storage;

namespace OvopBot.Channels.Sms;

/// <summary>
/// What SMS has cost, from our record of every SMS (<c>sms_messages</c>): parts per WITA day, per person (their
/// contacts together) and per broadcast. Operators bill per part, so parts are the unit throughout.
/// </summary>
public static class SmsUsage
{
    // Property records (not positional): an aggregate over no rows has no column types for a constructor to match.
    public sealed record Day
    {
        public string Date { get; init; } = "";
        public long Sms { get; init; }
        public long Parts { get; init; }
    }

    public sealed record Person
    {
        public string Address { get; init; } = "";
        public string? Name { get; init; }
        public long Sms { get; init; }
        public long Parts { get; init; }
    }

    public sealed record Broadcast
    {
        public long Id { get; init; }
        public string Text { get; init; } = "";
        public long People { get; init; }
        public long Parts { get; init; }
    }

    public static IReadOnlyList<Day> PerDay(SqliteDatabase database, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(database);
        using var connection = database.Open();
        return connection.Query<Day>(
            """
            SELECT day AS Date, count(*) AS Sms, sum(segments) AS Parts FROM sms_messages
            WHERE day >= @from GROUP BY day ORDER BY day
            """, new { from = SmsMessageStore.Day(since) }).ToList();
    }

    public static IReadOnlyList<Person> PerPerson(SqliteDatabase database, DateTimeOffset since, int top)
    {
        ArgumentNullException.ThrowIfNull(database);
        using var connection = database.Open();
        return connection.Query<Person>(
            """
            SELECT p.address AS Address, p.display_name AS Name, count(*) AS Sms, sum(m.segments) AS Parts
            FROM sms_messages m JOIN contacts c ON c.id = m.contact_id JOIN contacts p ON p.id = coalesce(c.person_id, c.id)
            WHERE m.day >= @from GROUP BY p.id ORDER BY Parts DESC, p.id LIMIT @top
            """, new { from = SmsMessageStore.Day(since), top }).ToList();
    }

    public static IReadOnlyList<Broadcast> PerBroadcast(SqliteDatabase database, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(database);
        using var connection = database.Open();
        return connection.Query<Broadcast>(
            """
            SELECT b.id AS Id, substr(b.text, 1, 40) AS Text, count(DISTINCT m.contact_id) AS People, sum(m.segments) AS Parts
            FROM sms_messages m JOIN outbound_messages o ON o.id = m.outbound_id JOIN broadcasts b ON b.id = o.broadcast_id
            WHERE m.day >= @from GROUP BY b.id ORDER BY b.id
            """, new { from = SmsMessageStore.Day(since) }).ToList();
    }
}
