using System.Reflection;
using Microsoft.Data.Sqlite;

namespace OvopBot.Storage;

/// <summary>
/// Applies the numbered scripts in <c>Storage/Migrations/NNN_name.sql</c> (embedded resources) that are newer than
/// the database's <c>PRAGMA user_version</c>, each in its own transaction, at start-up.
/// </summary>
public static class Migrator
{
    public static void Apply(SqliteConnection connection)
    {
        var current = UserVersion(connection);
        foreach (var (version, sql) in Scripts().Where(s => s.Version > current).OrderBy(s => s.Version))
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql + $"\nPRAGMA user_version = {version};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
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
