using System.Globalization;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.Sms;
using OvopBot.Regions;
using OvopBot.Roles;
using OvopBot.Storage;

namespace OvopBot.Broadcasts;

/// <summary>
/// Prepare → preview → confirm → enqueue, with every check made before anything is stored: the text's length and,
/// for each of its regions, that it is known and inside the service area (a district inside its region) and inside
/// the author's scope. A broadcast may cover several regions; each person gets it once.
/// </summary>
public sealed class BroadcastService(BroadcastStore store, RoleStore roles, RegionCatalog catalog, RegionScope scope,
    Signals signals, TimeProvider time, IOptions<SmsOptions> sms)
{
    /// <summary>
    /// Longer texts are refused: every message the bot sends is at most 500 characters (one screen on a basic phone,
    /// three SMS parts); the chat, the dashboard and the command line all check against this.
    /// </summary>
    public const int MaxTextLength = 500;

    /// <summary>People per enqueue transaction: short enough that replies to others never wait long.</summary>
    public const int BatchSize = 500;

    /// <summary>
    /// Checks the request, stores it as a draft (in <paramref name="write"/> when given, else in its own transaction)
    /// and returns the preview; throws <see cref="BroadcastRefusedException"/>.
    /// </summary>
    public async Task<BroadcastPreview> PrepareAsync(BroadcastRequest request, StaffRole requiredRole, CancellationToken cancellationToken,
        WriteTransaction? write = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Text.Trim();
        if (text.Length == 0)
        {
            throw new BroadcastRefusedException("The broadcast text is empty.");
        }

        if (text.Length > MaxTextLength)
        {
            throw new BroadcastRefusedException(string.Create(CultureInfo.InvariantCulture,
                $"The broadcast text has {text.Length:N0} characters; at most {MaxTextLength:N0} are allowed."));
        }

        var (regions, district, codes) = CheckRegions(request);
        if (request.AuthorContactId is { } author)
        {
            // Every region on its own: one outside the author's scope refuses the whole broadcast.
            var scopes = await roles.RegionsAsync(author, requiredRole, cancellationToken);
            if (codes.FirstOrDefault(code => !scopes.Any(s => RegionCode.IsWithin(code, s))) is { } outside)
            {
                throw new BroadcastRefusedException($"{request.Author} may not broadcast to {outside} ({catalog.Name(outside)}): outside their regions.");
            }
        }

        var everyone = await store.RecipientsAsync(request.Target, codes, cancellationToken);
        var draft = request with { Text = text, RegionCodes = regions, DistrictCode = district };
        var id = write is null
            ? await store.CreateDraftAsync(draft, codes, time.GetUtcNow(), cancellationToken)
            : await BroadcastStore.CreateDraftAsync(write, draft, codes, time.GetUtcNow(), cancellationToken);
        var sendable = everyone.Where(r => !r.OptedOut && r.Reachable).ToList();
        return new BroadcastPreview(id,
            sendable.GroupBy(r => r.Channel).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            everyone.Count(r => r.OptedOut), everyone.Count(r => !r.OptedOut && !r.Reachable),
            // What it costs on SMS, which the operator bills per part: every SMS recipient gets the same parts.
            sendable.Count(r => r.Channel == SmsChannel.Name)
            * SmsComposer.Segments(new OutboundMessage { Text = text }, sms.Value.MaxPartsPerMessage));
    }

    /// <summary>
    /// Confirms a draft for the staff member who made it, checking their regions again now: a role revoked (or
    /// narrowed) since the preview cancels the draft and throws <see cref="BroadcastRefusedException"/>.
    /// </summary>
    public async Task<bool> ConfirmAsAsync(long id, long authorContactId, StaffRole role, CancellationToken cancellationToken)
    {
        var scopes = await roles.RegionsAsync(authorContactId, role, cancellationToken);
        var regions = await store.RegionsAsync(id, cancellationToken);
        if (regions.FirstOrDefault(code => !scopes.Any(s => RegionCode.IsWithin(code, s))) is { } outside)
        {
            await store.CancelAsync(id, time.GetUtcNow(), cancellationToken);
            throw new BroadcastRefusedException($"{outside} is no longer within the author's regions; the broadcast is cancelled.");
        }

        return await ConfirmAsync(id, cancellationToken);
    }

    /// <summary>Confirms a draft and enqueues it; false (and nothing enqueued) when it was already confirmed or cancelled.</summary>
    public async Task<bool> ConfirmAsync(long id, CancellationToken cancellationToken)
    {
        if (!await store.ConfirmAsync(id, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        await EnqueueConfirmedAsync(id, cancellationToken);
        return true;
    }

    /// <summary>
    /// Finishes enqueuing broadcasts a crash interrupted; nobody already enqueued gets a second row. One that fails
    /// does not keep the others from going out: its error is thrown (together with any other) after all were tried.
    /// </summary>
    public async Task<int> ResumeInterruptedAsync(CancellationToken cancellationToken)
    {
        var ids = await store.EnqueuingAsync(cancellationToken);
        var errors = new List<Exception>();
        foreach (var id in ids)
        {
            try
            {
                await EnqueueConfirmedAsync(id, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                errors.Add(new InvalidOperationException($"Broadcast {id} could not be enqueued: {e.Message}", e));
            }
        }

        return errors.Count == 0 ? ids.Count : throw new AggregateException(errors);
    }

    public Task<int?> CancelAsync(long id, CancellationToken cancellationToken) => store.CancelAsync(id, time.GetUtcNow(), cancellationToken);

    public Task<BroadcastProgress?> ProgressAsync(long id, CancellationToken cancellationToken) => store.ProgressAsync(id, cancellationToken);

    /// <summary>
    /// Adds the outbox rows of a confirmed broadcast in short batches (see <see cref="BatchSize"/>); a chat dialog
    /// confirms in its message's transaction and calls this once that is committed.
    /// </summary>
    public async Task EnqueueConfirmedAsync(long id, CancellationToken cancellationToken)
    {
        foreach (var channel in await store.EnqueueAsync(id, BatchSize, time.GetUtcNow(), cancellationToken,
                     committed: channel => signals.Outbox(channel).Notify()))
        {
            signals.Outbox(channel).Notify();
        }
    }

    /// <summary>
    /// The request's regions checked and written dotted, its district (if any) checked against its one region, and
    /// the codes the broadcast covers: each once, none inside another (53.01 covers 53.01.08), in code order.
    /// </summary>
    private (IReadOnlyList<string> Regions, string? District, IReadOnlyList<string> Codes) CheckRegions(BroadcastRequest request)
    {
        var regions = request.RegionCodes.Select(CheckRegion).Distinct(StringComparer.Ordinal).ToList();
        if (regions.Count == 0)
        {
            throw new BroadcastRefusedException("No region given: name a province, regency or district code.");
        }

        if (request.DistrictCode is { } d)
        {
            if (regions.Count != 1)
            {
                throw new BroadcastRefusedException("A district narrows one region; with several regions, list the districts as regions instead.");
            }

            var district = CheckDistrict(d, regions[0]);
            return (regions, district, [district]);
        }

        var codes = regions.Where(c => !regions.Any(o => o != c && RegionCode.IsWithin(c, o))).Order(StringComparer.Ordinal).ToList();
        return (regions, null, codes);
    }

    private string CheckRegion(string text)
    {
        var code = RegionCode.Normalize(text);
        if (code is null || RegionCode.LevelOf(code) == RegionLevel.Village || !catalog.Contains(code))
        {
            throw new BroadcastRefusedException($"'{text}' is not a known province, regency or district code.");
        }

        if (!scope.Contains(code) && !scope.Codes.Any(s => RegionCode.IsWithin(s, code)))
        {
            throw new BroadcastRefusedException($"{code} ({catalog.Name(code)}) is outside the service area ({string.Join(", ", scope.Names)}).");
        }

        return code;
    }

    private string CheckDistrict(string text, string region)
    {
        var code = RegionCode.Normalize(text);
        if (code is null || RegionCode.LevelOf(code) != RegionLevel.District || !catalog.Contains(code) || !RegionCode.IsWithin(code, region))
        {
            throw new BroadcastRefusedException($"'{text}' is not a district of {region} ({catalog.Name(region)}).");
        }

        return code;
    }
}
