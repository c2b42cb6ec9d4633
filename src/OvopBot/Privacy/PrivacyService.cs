using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.ChatExports;
using OvopBot.Flows.Engine;
using OvopBot.Roles;
using OvopBot.Storage;

namespace OvopBot.Privacy;

/// <summary>How an erasure request ended.</summary>
public enum ErasureOutcome
{
    Erased,
    /// <summary>Nobody by that address, or already erased: nothing changed.</summary>
    NothingStored,
}

/// <summary>What retention removed in one pass.</summary>
public sealed record RetentionResult(int Messages, int MediaFiles);

/// <summary>
/// Data rights (UU 27/2022) outside the chat: what is stored about a person, erasure for a request by letter
/// (<c>privacy erase</c>), and, in the background, retention (raw message text and media older than
/// <see cref="PrivacyOptions.RetentionDays"/> go, answers stay) and the last step of each erasure. The chat's DATA SAYA
/// and HAPUS DATA reach the same <see cref="PersonalDataQuery"/> and <see cref="PrivacyEraser"/> through the engine.
/// </summary>
public sealed class PrivacyService(SqliteDatabase database, IOptions<PrivacyOptions> options, IOptions<ChatExportOptions> exports,
    TimeProvider time, Signals signals, ILogger<PrivacyService> logger) : BackgroundService
{
    public string ExportsFolder => Path.GetFullPath(exports.Value.Folder);

    /// <summary>What is stored about the person, or null when nothing is.</summary>
    public async Task<PersonalData?> DescribeAsync(ContactRef person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        await using var connection = database.Open();
        var id = await ContactIdAsync(connection, person, cancellationToken);
        return id is null ? null : PersonalDataQuery.Load(connection, null, id.Value);
    }

    /// <summary>Erases the person's personal data (their roles first); a second request is a no-op.</summary>
    public async Task<ErasureOutcome> EraseAsync(ContactRef person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        bool erased;
        using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            var id = await ContactIdAsync(write.Connection, person, cancellationToken);
            erased = id is not null && PrivacyEraser.Erase(write, id.Value, ExportsFolder, time.GetUtcNow());
            write.Commit();
        }

        await FinishErasuresAsync(cancellationToken);
        return erased ? ErasureOutcome.Erased : ErasureOutcome.NothingStored;
    }

    /// <summary>
    /// Blanks erased people's addresses once nothing is left to send them, then checkpoints the write-ahead log, so
    /// the erased values survive neither in the database file (secure_delete zeroes freed space) nor in its log.
    /// </summary>
    public async Task<int> FinishErasuresAsync(CancellationToken cancellationToken)
    {
        int finished;
        using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            finished = PrivacyEraser.FinishErasures(write);
            write.Commit();
        }

        await database.CheckpointAsync(cancellationToken);
        return finished;
    }

    /// <summary>Removes raw message text and media older than the retention period; the answers stay.</summary>
    public async Task<RetentionResult> ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        var before = DbTime.Write(time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays));
        int messages;
        var files = 0;
        using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            foreach (var path in await write.Connection.QueryAsync<string>(new CommandDefinition(
                         "SELECT media_path FROM inbound_messages WHERE received_at < @before AND media_path IS NOT NULL AND processed_at IS NOT NULL",
                         new { before }, write.Transaction, cancellationToken: cancellationToken)))
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                    files++;
                }
            }

            messages = await write.Connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE inbound_messages SET text = NULL, media_path = NULL, media_ref = NULL
                WHERE received_at < @before AND processed_at IS NOT NULL AND (text IS NOT NULL OR media_path IS NOT NULL OR media_ref IS NOT NULL);
                UPDATE outbound_messages SET text = '', payload_json = '{}'
                WHERE created_at < @before AND status NOT IN ('pending') AND text <> '';
                """, new { before }, write.Transaction, cancellationToken: cancellationToken));
            write.Commit();
        }

        if (messages > 0)
        {
            logger.LogInformation("Retention: cleared {Messages} messages and {Files} media files older than {Days} days", messages, files,
                options.Value.RetentionDays);
        }

        return new RetentionResult(messages, files);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ApplyRetentionAsync(stoppingToken);
                await FinishErasuresAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Privacy housekeeping failed; trying again at the next check");
            }

            await signals.Privacy.WaitAsync(options.Value.CheckEvery, time, stoppingToken);
        }
    }

    private static Task<long?> ContactIdAsync(System.Data.IDbConnection connection, ContactRef person, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM contacts WHERE channel = @Channel AND address = @Address AND erased_at IS NULL",
            new { person.Channel, person.Address }, cancellationToken: cancellationToken));
}
