using Dapper;
using OvopBot.Broadcasts;
using OvopBot.Outbox;
using OvopBot.Regions;
using OvopBot.Roles;
using OvopBot.Tests.Roles;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Broadcasts;

/// <summary>Broadcasts through the real store, outbox and dispatcher on a SQLite file, with restarts in between.</summary>
public sealed class BroadcastTests : IDisposable
{
    private readonly BotHarness _bot = new();
    private readonly IReadOnlyList<Village> _belu;

    public BroadcastTests()
    {
        _belu = _bot.Get<RegionCatalog>().VillagesOf("53.04");
    }

    private BroadcastService Service => _bot.Get<BroadcastService>();

    private void Seed(int drafts, int submitted = 0, int optedOut = 0, int unreachable = 0, int whatsapp = 0)
    {
        var now = _bot.Time.GetUtcNow();
        var n = 0;
        void Add(string status, string channel = "telegram", bool opted = false, bool reachable = true) =>
            StaffSeed.Respondent(_bot.Database, $"{++n}", _belu[n % _belu.Count].Code, status, now, channel, opted, reachable);
        for (var i = 0; i < drafts; i++) Add("draft");
        for (var i = 0; i < submitted; i++) Add("submitted");
        for (var i = 0; i < optedOut; i++) Add("draft", opted: true);
        for (var i = 0; i < unreachable; i++) Add("draft", reachable: false);
        for (var i = 0; i < whatsapp; i++) Add("draft", "whatsapp");
    }

    private Task<BroadcastPreview> PrepareAsync(string text = "Mohon selesaikan pendaftaran OVOP minggu ini.", BroadcastTarget target = BroadcastTarget.Unfinished,
        string region = "53.04", long? author = null) =>
        Service.PrepareAsync(new BroadcastRequest(target, region, null, text, "test", author), StaffRole.Admin, CancellationToken.None);

    private int Rows(long id)
    {
        using var connection = _bot.Database.Open();
        return connection.ExecuteScalar<int>("SELECT count(*) FROM outbound_messages WHERE broadcast_id = @id", new { id });
    }

    [Fact]
    public async Task The_preview_counts_recipients_per_channel_and_skips_opted_out_and_unreachable_people()
    {
        Seed(drafts: 3, submitted: 2, optedOut: 1, unreachable: 1, whatsapp: 2);

        var preview = await PrepareAsync();

        Assert.Equal(new Dictionary<string, int> { ["telegram"] = 3, ["whatsapp"] = 2 }, preview.RecipientsByChannel);
        Assert.Equal((1, 1), (preview.SkippedOptedOut, preview.SkippedUnreachable));
        Assert.Equal(0, Rows(preview.Id)); // a preview sends nothing
        Assert.True(await Service.ConfirmAsync(preview.Id, CancellationToken.None));
        Assert.Equal(5, Rows(preview.Id));
        var progress = (await Service.ProgressAsync(preview.Id, CancellationToken.None))!;
        Assert.Equal(("queued", 5, 5, 1, 1), (progress.Status, progress.Total, progress.Pending, progress.SkippedOptedOut, progress.SkippedUnreachable));
    }

    [Fact]
    public async Task Finished_and_all_targets_select_the_right_people()
    {
        Seed(drafts: 3, submitted: 2);

        Assert.Equal(2, (await PrepareAsync(target: BroadcastTarget.Finished)).Recipients);
        Assert.Equal(5, (await PrepareAsync(target: BroadcastTarget.All)).Recipients);
        Assert.Equal(0, (await PrepareAsync(region: "53.01")).Recipients);
    }

    [Theory]
    [InlineData(0, "empty")]
    [InlineData(501, "501 characters; at most 500")]
    [InlineData(5000, "5,000 characters")]
    public async Task An_empty_or_over_500_character_text_is_refused_clearly_and_nothing_is_stored(int length, string message)
    {
        Seed(drafts: 2);

        var refused = await Assert.ThrowsAsync<BroadcastRefusedException>(() => PrepareAsync(text: new string('a', length)));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        using var connection = _bot.Database.Open();
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM broadcasts"));
    }

    [Fact]
    public async Task An_admin_of_kupang_may_not_broadcast_to_belu()
    {
        Seed(drafts: 2);
        var admin = new ContactRef("telegram", "999");
        await _bot.Get<RoleStore>().GrantAsync(admin, StaffRole.Admin, "53.01", "test", CancellationToken.None, _bot.Time.GetUtcNow());
        var id = await _bot.Get<RoleStore>().ContactIdAsync(admin, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<BroadcastRefusedException>(() => PrepareAsync(author: id));

        Assert.Contains("outside their regions", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_region_outside_the_service_area_is_refused()
    {
        var refused = await Assert.ThrowsAsync<BroadcastRefusedException>(() => PrepareAsync(region: "31.71"));
        Assert.Contains("outside the service area", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_the_same_broadcast_twice_sends_it_once()
    {
        Seed(drafts: 4);
        var preview = await PrepareAsync();

        Assert.True(await Service.ConfirmAsync(preview.Id, CancellationToken.None));
        Assert.False(await Service.ConfirmAsync(preview.Id, CancellationToken.None));

        Assert.Equal(4, Rows(preview.Id));
    }

    [Fact]
    public async Task A_crash_halfway_through_enqueuing_is_finished_at_restart_with_nobody_twice()
    {
        Seed(drafts: 7);
        var preview = await PrepareAsync();
        var store = _bot.Get<BroadcastStore>();
        Assert.True(await store.ConfirmAsync(preview.Id, _bot.Time.GetUtcNow(), CancellationToken.None));
        await store.EnqueueAsync(preview.Id, batchSize: 3, _bot.Time.GetUtcNow(), CancellationToken.None, maxBatches: 1);
        Assert.Equal(3, Rows(preview.Id));

        _bot.Restart();
        Assert.Equal(1, await Service.ResumeInterruptedAsync(CancellationToken.None));
        Assert.Equal(0, await Service.ResumeInterruptedAsync(CancellationToken.None));

        using var connection = _bot.Database.Open();
        var perContact = connection.Query<int>("SELECT count(*) FROM outbound_messages WHERE broadcast_id = @Id GROUP BY contact_id", preview).ToList();
        Assert.Equal(7, perContact.Count);
        Assert.All(perContact, c => Assert.Equal(1, c));
    }

    [Fact]
    public async Task A_crash_halfway_through_sending_resumes_after_restart_and_nobody_gets_it_twice()
    {
        Seed(drafts: 10);
        var preview = await PrepareAsync();
        await Service.ConfirmAsync(preview.Id, CancellationToken.None);
        var before = new RecordingSender("telegram");
        var dispatcher = _bot.Get<OutboxDispatcher>();
        foreach (var envelope in (await _bot.Get<OutboxStore>().TakeDueAsync("telegram", _bot.Time.GetUtcNow(), 4, CancellationToken.None)))
        {
            await dispatcher.SendOneAsync(before, envelope, CancellationToken.None);
        }

        _bot.Restart(); // the process died after four messages
        await Service.ResumeInterruptedAsync(CancellationToken.None);
        var after = new RecordingSender("telegram");
        await _bot.Get<OutboxDispatcher>().DrainAsync(after, CancellationToken.None);

        var everyone = before.Sent.Concat(after.Sent).Select(e => e.Address).ToList();
        Assert.Equal((4, 6), (before.Sent.Count, after.Sent.Count));
        Assert.Equal(10, everyone.Distinct().Count());
        Assert.True((await Service.ProgressAsync(preview.Id, CancellationToken.None))!.Done);
    }

    [Fact]
    public async Task Cancelling_midway_drops_the_messages_not_yet_sent()
    {
        Seed(drafts: 6);
        var preview = await PrepareAsync();
        await Service.ConfirmAsync(preview.Id, CancellationToken.None);
        var sender = new RecordingSender("telegram");
        var first = (await _bot.Get<OutboxStore>().TakeDueAsync("telegram", _bot.Time.GetUtcNow(), 2, CancellationToken.None));
        foreach (var envelope in first)
        {
            await _bot.Get<OutboxDispatcher>().SendOneAsync(sender, envelope, CancellationToken.None);
        }

        Assert.Equal(4, await Service.CancelAsync(preview.Id, CancellationToken.None));
        await _bot.Get<OutboxDispatcher>().DrainAsync(sender, CancellationToken.None);

        Assert.Equal(2, sender.Sent.Count);
        var progress = (await Service.ProgressAsync(preview.Id, CancellationToken.None))!;
        Assert.Equal(("cancelled", 2, 4, true), (progress.Status, progress.Sent, progress.Cancelled, progress.Done));
    }

    public void Dispose() => _bot.Dispose();
}
