using System.Reflection;
using Microsoft.Data.Sqlite;

namespace OvopBot.Storage;

/// <summary>
/// Applies the numbered scripts in <c>Storage/Migrations/NNN_name.sql</c> (embedded resources) at start-up, each in
/// its own transaction, and records each one in <c>schema_migrations</c>. Branches are given their numbers in advance
/// and land in any order, so a script is applied when it is not recorded, not when it is newer than the highest one.
/// A database from before the ledger counts every script up to its <c>PRAGMA user_version</c> as applied, except
/// scripts marked <c>-- rerunnable</c> on their first line (written with IF NOT EXISTS, safe to run again), which
/// run once more then: 010 landed after 011–015.
/// </summary>
public static class Migrator
{
    private const string RerunnableMark = "-- rerunnable";

    public static void Apply(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var scripts = Scripts().OrderBy(s => s.Version).ToList();
        var applied = Ledger(connection, scripts);
        foreach (var (version, sql) in scripts.Where(s => !applied.Contains(s.Version)))
        {
            var userVersion = Math.Max(version, UserVersion(connection));
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql + string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"\nINSERT INTO schema_migrations (version, applied_at) VALUES ({version}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));" +
                $"\nPRAGMA user_version = {userVersion};");
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    /// <summary>The versions already applied; creates the ledger, filled from <c>user_version</c> for an older database.</summary>
    private static HashSet<int> Ledger(SqliteConnection connection, IReadOnlyList<(int Version, string Sql)> scripts)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);";
            create.ExecuteNonQuery();
        }

        var applied = new HashSet<int>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT version FROM schema_migrations;";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var current = UserVersion(connection);
        if (applied.Count > 0 || current == 0)
        {
            return applied;
        }

        using var transaction = connection.BeginTransaction();
        foreach (var (version, _) in scripts.Where(s => s.Version <= current && !s.Sql.StartsWith(RerunnableMark, StringComparison.Ordinal)))
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO schema_migrations (version, applied_at) VALUES ($version, 'before the ledger');";
            insert.Parameters.AddWithValue("$version", version);
            insert.ExecuteNonQuery();
            applied.Add(version);
        }

        transaction.Commit();
        return applied;
    }

    public static int UserVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IEnumerable<(int Version, string Sql)> Scripts()
    {
        var assembly = typeof(Migrator).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            // Resource names look like OvopBot.Storage.Migrations._001_initial.sql (a leading digit gets '_').
            var file = name[(name.IndexOf(".Migrations.", StringComparison.Ordinal) + 12)..].TrimStart('_');
            var version = int.Parse(file[..file.IndexOf('_', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (version, reader.ReadToEnd());
        }
    }
}
