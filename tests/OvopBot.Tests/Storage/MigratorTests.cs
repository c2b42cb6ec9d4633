using Dapper;
using Microsoft.Data.Sqlite;
using OvopBot.Storage;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Storage;

/// <summary>
/// Migrations are numbered per branch in advance and land in any order: each is applied once when it is not in the
/// ledger, and a database from before the ledger gets the rerunnable 010 that landed after 011–015.
/// </summary>
public sealed class MigratorTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_folder.Path, "ovop.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    private static bool HasTable(SqliteConnection connection, string name) =>
        connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @name", new { name }) == 1;

    [Fact]
    public void A_new_database_gets_every_script_once_and_a_second_start_changes_nothing()
    {
        using var connection = Open();
        Migrator.Apply(connection);
        var recorded = connection.Query<int>("SELECT version FROM schema_migrations ORDER BY version").ToList();

        Migrator.Apply(connection);

        Assert.Contains(10, recorded);
        Assert.Equal(recorded.Max(), Migrator.UserVersion(connection));
        Assert.Equal(recorded, connection.Query<int>("SELECT version FROM schema_migrations ORDER BY version").ToList());
        Assert.True(HasTable(connection, "staff_dialogs"));
    }

    [Fact]
    public void A_database_from_before_the_ledger_gets_the_staff_dialogs_table_and_nothing_else_again()
    {
        using (var connection = Open())
        {
            Migrator.Apply(connection);
            // As main left it: every later script applied (user_version at the highest), 010 never, no ledger.
            var highest = connection.ExecuteScalar<int>("SELECT max(version) FROM schema_migrations");
            connection.Execute($"DROP TABLE schema_migrations; DROP TABLE staff_dialogs; PRAGMA user_version = {highest};");
        }

        using (var connection = Open())
        {
            // Running a non-rerunnable script again (ALTER TABLE … ADD COLUMN) would throw here.
            Migrator.Apply(connection);

            Assert.True(HasTable(connection, "staff_dialogs"));
            Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM schema_migrations WHERE version = 10 AND applied_at <> 'before the ledger'"));
            Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM schema_migrations WHERE version = 11 AND applied_at = 'before the ledger'"));
        }
    }
}
