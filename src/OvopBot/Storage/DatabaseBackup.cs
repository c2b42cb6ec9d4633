using Microsoft.Data.Sqlite;

namespace OvopBot.Storage;

/// <summary>
/// A consistent copy of the live database (SQLite online backup), safe while the service writes. The copy is made
/// under a temporary name and renamed over the target only once complete, so a failure (a full disk) leaves any
/// earlier file of that name as it was and no half-written copy behind.
/// </summary>
public static class DatabaseBackup
{
    public const string PartialSuffix = ".partial";

    public static void Write(SqliteDatabase database, string target)
    {
        ArgumentNullException.ThrowIfNull(database);
        target = Path.GetFullPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + PartialSuffix;
        try
        {
            DeleteWithJournal(partial);
            using (var source = database.Open())
            using (var destination = new SqliteConnection($"Data Source={partial};Pooling=False"))
            {
                destination.Open();
                source.BackupDatabase(destination);
            }

            File.Move(partial, target, overwrite: true);
        }
        catch
        {
            DeleteWithJournal(partial);
            throw;
        }
    }

    private static void DeleteWithJournal(string path)
    {
        File.Delete(path);
        File.Delete(path + "-journal");
    }
}
