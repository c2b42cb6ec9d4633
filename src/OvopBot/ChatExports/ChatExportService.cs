using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Conversations;
using OvopBot.Exports;
using OvopBot.Flows.Loading;
using OvopBot.Operations;
using OvopBot.Privacy;
using OvopBot.Regions;
using OvopBot.Roles;
using OvopBot.Storage;

namespace OvopBot.ChatExports;

/// <summary>
/// Makes the XLSX files admins ask for in the chat, one at a time (an export of a province's conversations takes a
/// while, and the conversation workers must not wait for it), and answers with the file — or, when it is larger than
/// the channel takes, with where it lies on the server and the command that makes it. Deletes its files after
/// <see cref="ChatExportOptions.KeepFor"/>: they hold phone numbers.
/// </summary>
public sealed class ChatExportService(ChatExportStore store, ExportService exports, FlowCatalog flows, IOptions<ConversationOptions> conversation,
    IOptions<ChatExportOptions> options, RegionCatalog regions, IEnumerable<IChannelSender> senders, Signals signals, TimeProvider time,
    ILogger<ChatExportService> logger, RoleStore roles, IOptions<PrivacyOptions> privacy) : BackgroundService
{
    private const string FilePattern = "ovop-*.xlsx";

    // The console conversation runs requests too (so a file is there before its next line); one run at a time.
    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly LoopRowGuard _rows = new(logger, "Chat export");

    private string Folder => Path.GetFullPath(options.Value.Folder);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                DeleteOldFiles();
                await RunPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Chat exports failed; trying again at the next check");
            }

            await signals.ChatExports.WaitAsync(options.Value.CheckEvery, time, stoppingToken);
        }
    }

    /// <summary>Makes and answers every pending request; returns how many were answered.</summary>
    public async Task<int> RunPendingAsync(CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            var answered = 0;
            foreach (var id in await store.PendingAsync(cancellationToken))
            {
                // A request that cannot be read or answered (an unknown kind, a text missing from the flow) never holds up the others.
                await _rows.RunAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), async () =>
                {
                    if (await store.PendingJobAsync(id, cancellationToken) is not { } job)
                    {
                        return;
                    }

                    var (status, answer, result) = await MakeAsync(job, cancellationToken);
                    if (await store.FinishAsync(job.Id, status, answer, result, time.GetUtcNow(), cancellationToken) is { } channel)
                    {
                        signals.Outbox(channel).Notify();
                        answered++;
                    }
                }, _ => store.SetAsideAsync(id, time.GetUtcNow(), cancellationToken), cancellationToken);
            }

            return answered;
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>Deletes the files made longer ago than <see cref="ChatExportOptions.KeepFor"/>; returns how many.</summary>
    public int DeleteOldFiles()
    {
        if (!Directory.Exists(Folder))
        {
            return 0;
        }

        var before = (time.GetUtcNow() - options.Value.KeepFor).UtcDateTime;
        var deleted = 0;
        foreach (var file in new DirectoryInfo(Folder).EnumerateFiles(FilePattern).Where(f => f.LastWriteTimeUtc < before))
        {
            try
            {
                file.Delete();
                deleted++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // One file that cannot go (held open, wrong owner) neither stops the others nor the exports behind them.
                logger.LogError(e, "Old chat export {File} cannot be deleted; it holds phone numbers, remove it by hand", file.Name);
            }
        }

        return deleted;
    }

    private async Task<(string Status, OutboundMessage Answer, ExportResult? Result)> MakeAsync(ChatExportJob job, CancellationToken cancellationToken)
    {
        var request = job.Request;
        var replies = new ChatExportReplies(flows[conversation.Value.StaffFlow], request, regions);
        // Roles take effect at once: the requester's regions are checked again now, when the file would be made.
        var admin = await roles.CoversAsync(job.ContactId, StaffRole.Admin, request.RegionCode, cancellationToken);
        if (!admin && !await roles.CoversAsync(job.ContactId, StaffRole.Facilitator, request.RegionCode, cancellationToken))
        {
            logger.LogWarning("Chat export {Id} refused: contact {Contact} no longer covers {Region}", job.Id, job.ContactId, request.RegionCode);
            return ("refused", replies.Refused(), null);
        }

        try
        {
            var now = time.GetUtcNow();
            var path = Path.Combine(Folder, FileName(job, now));
            var mask = !admin && privacy.Value.MaskPhonesForFacilitators;
            var result = await exports.ExportToFileAsync(request.Kind, request.RegionCode, path, request.Language, cancellationToken, mask);
            if (result.TotalRows == 0)
            {
                File.Delete(path);
                return ("empty", replies.Empty(), result);
            }

            var max = MaxBytes(job.Channel);
            logger.LogInformation("Chat export {Id}: {Kind} of {Region}, {Rows} rows, {Bytes} bytes", job.Id, request.Kind, request.RegionCode,
                result.TotalRows, result.Bytes);
            return result.Bytes > max ? ("too_large", replies.TooLarge(result, max), result) : ("sent", replies.File(result, now), result);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The admin hears that it failed (never silence); the operator finds why in the log.
            logger.LogError(e, "Chat export {Id} ({Kind} of {Region}) failed", job.Id, request.Kind, request.RegionCode);
            return ("failed", replies.Failed(), null);
        }
    }

    /// <summary>The smaller of the channel's own limit and the configured one.</summary>
    private long MaxBytes(string channel)
    {
        var platform = senders.FirstOrDefault(s => s.Channel == channel)?.MaxDocumentBytes ?? long.MaxValue;
        return options.Value.MaxFileMegabytes is { } megabytes ? Math.Min(platform, (long)(megabytes * 1024 * 1024)) : platform;
    }

    public override void Dispose()
    {
        _running.Dispose();
        base.Dispose();
    }

    private static string FileName(ChatExportJob job, DateTimeOffset now) =>
        FormattableString.Invariant($"ovop-{job.Request.Kind.ToString().ToLowerInvariant()}-{job.Request.RegionCode}-{Wita.From(now):yyyyMMdd-HHmm}-{job.Id}.xlsx");
}
