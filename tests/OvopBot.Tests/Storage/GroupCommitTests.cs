using Dapper;
using OvopBot.Storage;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Storage;

/// <summary>
/// Steps queued behind a busy writer are committed together (<c>SqliteDatabase.InBatchAsync</c>), each still
/// all-or-nothing: one that throws loses only its own changes, the others are committed before their callers return.
/// </summary>
public sealed class GroupCommitTests
{
    private static readonly AsyncLocal<string?> Caller = new();

    [Fact]
    public async Task A_step_that_throws_in_a_batch_undoes_only_its_own_changes()
    {
        using var folder = new TempDirectory();
        using var database = new SqliteDatabase(folder.File("bot.db"));
        Task[] steps;
        using (var busy = await database.BeginWriteAsync(CancellationToken.None))
        {
            // While the writer is busy all ten queue up, so they share the next transaction.
            steps = Enumerable.Range(0, 10).Select(i => database.InBatchAsync(write =>
            {
                write.Connection.Execute("INSERT INTO channel_state (key, value) VALUES (@key, 'x')", new { key = $"k{i}" }, write.Transaction);
                return i == 4 ? throw new InvalidOperationException("poison") : Task.CompletedTask;
            }, CancellationToken.None)).ToArray();
            busy.Commit();
        }

        var poison = await Assert.ThrowsAsync<InvalidOperationException>(() => steps[4]);
        Assert.Equal("poison", poison.Message);
        await Task.WhenAll(steps.Where((_, i) => i != 4));
        using var read = database.Open();
        var keys = read.Query<string>("SELECT key FROM channel_state ORDER BY key").ToList();
        Assert.Equal(Enumerable.Range(0, 10).Where(i => i != 4).Select(i => $"k{i}"), keys);
    }

    [Fact]
    public async Task Each_caller_returns_after_its_step_is_committed_and_runs_it_in_its_own_context()
    {
        using var folder = new TempDirectory();
        using var database = new SqliteDatabase(folder.File("bot.db"));
        var seen = new string?[20];

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            Caller.Value = $"caller {i}";
            await database.InBatchAsync(async write =>
            {
                await Task.Yield();
                seen[i] = Caller.Value; // whoever leads the batch, the step sees its own caller's log scope and values
                write.Connection.Execute("INSERT INTO channel_state (key, value) VALUES (@key, 'x')", new { key = $"k{i}" }, write.Transaction);
            }, CancellationToken.None);
            using var read = database.Open();
            Assert.Equal(1, read.ExecuteScalar<long>("SELECT count(*) FROM channel_state WHERE key = @key", new { key = $"k{i}" }));
        })));

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"caller {i}"), seen);
    }
}
