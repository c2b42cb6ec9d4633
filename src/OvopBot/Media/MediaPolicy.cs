using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Conversations;
using OvopBot.Flows.Engine;
using OvopBot.Flows.Loading;
using OvopBot.People;
using OvopBot.Storage;

namespace OvopBot.Media;

/// <summary>
/// Decides, before a message is stepped, whether its photo, voice note or document is downloaded. Only media the
/// step will use is fetched, as the engine says (<see cref="FlowEngine.TakesMedia"/>): a photo or document at a photo
/// question, a voice note at a voice question, the voice note a person sends to the facilitators (PENDAMPING, or a
/// voice note where text is expected).
/// Anything else keeps only the platform's reference (Telegram file_id, WhatsApp media id) with the stored message,
/// and the flow answers it as unexpected media, so nobody can fill the disk by sending files to text questions.
/// A wanted file that would take the person or the folder over <see cref="MediaOptions"/>' caps is not kept: the
/// message is answered with the flow's <c>media_not_kept</c> and the question stays.
/// </summary>
public sealed class MediaPolicy(SqliteDatabase database, FlowCatalog flows, FlowEngine engine, IEnumerable<IMediaFetcher> fetchers,
    MediaFolderUsage folder, IOptions<MediaOptions> options, IOptions<ConversationOptions> conversation,
    TimeProvider time, ILogger<MediaPolicy> logger)
{
    /// <summary>The flow text a refused file is answered with.</summary>
    public const string RefusalText = "media_not_kept";

    private readonly Dictionary<string, IMediaFetcher> _fetchers = fetchers.ToDictionary(f => f.Channel);

    /// <summary>
    /// Downloads the message's media when its question wants it. Returns null when the message is to be stepped (with
    /// the file, or with its reference only), or the flow text to answer it with instead (a cap was reached).
    /// </summary>
    public async Task<string?> PrepareAsync(StoredInbound stored, CancellationToken cancellationToken)
    {
        var message = stored.Message;
        if (message.MediaRef is null || message.MediaPath is not null || !_fetchers.TryGetValue(message.Channel, out var fetcher))
        {
            return null;
        }

        bool wanted;
        IReadOnlySet<string> personFiles;
        using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            var person = PersonLinks.Root(write, stored.ContactId);
            // The engine that will step the message says whether the step uses the file.
            wanted = engine.TakesMedia(flows.For(conversation.Value.Flow, message.Channel), SessionStore.Load(write, person).State,
                message, time.GetUtcNow());
            personFiles = FilesOf(write, person);
        }

        if (!wanted)
        {
            logger.LogDebug("Media of inbound {Id} is not asked for; only its reference is kept", stored.Id);
            return null;
        }

        var personCap = MediaOptions.Bytes(options.Value.MaxMegabytesPerPerson);
        var folderCap = MediaOptions.Bytes(options.Value.MaxFolderMegabytes);
        var personUsed = personFiles.Sum(SizeOf);
        var folderUsed = folder.Used(folderCap);
        if (Refuse(stored, personUsed, personCap, folderUsed, folderCap))
        {
            return RefusalText;
        }

        string? path;
        try
        {
            path = await fetcher.FetchAsync(message.MediaRef, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The answer is still stepped with its platform reference; the file can be fetched again by ref later.
            logger.LogWarning(e, "Could not download media of inbound {Id} on {Channel}", stored.Id, message.Channel);
            return null;
        }

        if (path is null)
        {
            return null;
        }

        // The size is known only now (platforms do not always say it first). A file already on disk for another
        // message (the same photo sent twice) is counted in the folder already, and for the person if it was theirs.
        var shared = await IsReferencedAsync(path, cancellationToken);
        var size = SizeOf(path);
        var added = shared ? 0 : size;
        if (Refuse(stored, personUsed + (personFiles.Contains(path) ? 0 : size), personCap,
                folder.Used(folderCap, added) + added, folderCap, inclusive: false))
        {
            if (!shared)
            {
                File.Delete(path);
            }

            return RefusalText;
        }

        folder.Added(added);

        using (var write = await database.BeginWriteAsync(cancellationToken))
        {
            InboundQueries.SetMediaPath(write, stored.Id, path);
            write.Commit();
        }

        return null;
    }

    private bool Refuse(StoredInbound stored, long personUsed, long personCap, long folderUsed, long folderCap, bool inclusive = true)
    {
        bool Over(long used, long cap) => inclusive ? used >= cap : used > cap;
        if (Over(folderUsed, folderCap))
        {
            // Every wanted file is refused from now on: the operator has to make room or raise the cap.
            logger.LogError("Media folder holds {Used} bytes, cap {Cap} (Media:MaxFolderMegabytes); media of inbound {Id} not kept",
                folderUsed, folderCap, stored.Id);
            return true;
        }

        if (Over(personUsed, personCap))
        {
            logger.LogWarning("Contact {Contact} has {Used} bytes of media, cap {Cap} (Media:MaxMegabytesPerPerson); media of inbound {Id} not kept",
                stored.ContactId, personUsed, personCap, stored.Id);
            return true;
        }

        return false;
    }

    /// <summary>The files already downloaded for any of the person's contacts (one person across channels).</summary>
    private static HashSet<string> FilesOf(WriteTransaction write, long person) =>
        write.Connection.Query<string>(
            """
            SELECT DISTINCT media_path FROM inbound_messages
            WHERE media_path IS NOT NULL AND contact_id IN (SELECT id FROM contacts WHERE coalesce(person_id, id) = @person)
            """, new { person }, write.Transaction).ToHashSet(StringComparer.Ordinal);

    private async Task<bool> IsReferencedAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM inbound_messages WHERE media_path = @path", new { path }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>A file's size; 0 once it is gone (erased with the person's data, say).</summary>
    private static long SizeOf(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? file.Length : 0;
    }
}
