using Microsoft.Data.Sqlite;
using OvopBot.Storage;

namespace OvopBot.Benchmarks;

/// <summary>
/// A benchmark's data set, built once into a file (under a temporary name, renamed when complete) and reused by later
/// runs; delete the file to build it again.
/// </summary>
public static class BenchmarkDatabase
{
    public static string Ensure(string path, Action<SqliteConnection> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (File.Exists(path))
        {
            return path;
        }

        var building = path + ".building";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(building);
        using (var database = new SqliteDatabase(building))
        using (var connection = database.Open())
        {
            fill(connection);
        }

        SqliteConnection.ClearAllPools();
        File.Move(building, path);
        return path;
    }
}
