using Dapper;
using OvopBot.Broadcasts;
using OvopBot.Outbox;
using OvopBot.Regions;
using OvopBot.Roles;
using OvopBot.Tests.Roles;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Broadcasts;

/// <summary>
/// The final report a facilitator gets in the chat once their broadcast is sent: through the chat dialog, the real
/// outbox and dispatcher, and SQLite, with restarts in between.
/// </summary>
public sealed class BroadcastReportTests : IDisposable
{
    private const string Text = "Mohon selesaikan pendaftaran OVOP minggu ini, terima kasih.";
    private const string Facilitator = "fas-1";
    private readonly BotHarness _bot = new();

    private BroadcastReportService Reports => _bot.Get<BroadcastReportService>();

    /// <summary>Three people of Kupang Tengah who have not finished, and their facilitator on the console.</summary>
    private async Task SeedAsync()
    {
        var villages = _bot.Get<RegionCatalog>().VillagesOf("53.01.08");
        for (var i = 0; i < 3; i++)
        {
            StaffSeed.Respondent(_bot.Database, $"{i}", villages[i].Code, "draft", _bot.Time.GetUtcNow());
        }

        await _bot.Get<RoleStore>().GrantAsync(new ContactRef("console", Facilitator), StaffRole.Facilitator, "53.01.08", "test",
            CancellationToken.None, _bot.Time.GetUtcNow());
    }

    /// <summary>SIARAN → everyone → the text → KIRIM, as the facilitator types it; returns the broadcast id.</summary>
    private async Task<long> BroadcastFromTheChatAsync()
    {
        await _bot.SayAsync("SIARAN", from: Facilitator);
        await _bot.SayAsync("1", from: Facilitator);
        await _bot.SayAsync(Text, from: Facilitator);
        Assert.Contains("3 penerima", Assert.Single(await _bot.SayAsync("KIRIM", from: Facilitator)), StringComparison.Ordinal);
        using var connection = _bot.Database.Open();
        return connection.ExecuteScalar<long>("SELECT max(id) FROM broadcasts");
    }

    /// <summary>Sends up to <paramref name="count"/> due broadcast rows, as the outbox loop would.</summary>
    private async Task SendAsync(int count)
    {
        var sender = new RecordingSender("telegram");
        foreach (var envelope in await _bot.Get<OutboxStore>().TakeDueAsync("telegram", _bot.Time.GetUtcNow(), count, CancellationToken.None))
        {
            await _bot.Get<OutboxDispatcher>().SendOneAsync(sender, envelope, CancellationToken.None);
        }
    }

    /// <summary>Messages to the facilitator that answer no message of theirs: the pushed reports.</summary>
    private List<string> ReportsToFacilitator()
    {
        using var connection = _bot.Database.Open();
        return connection.Query<string>(
            """
            SELECT o.text FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id
            WHERE c.channel = 'console' AND c.address = @Facilitator AND o.in_reply_to IS NULL AND o.kind = 0 AND o.status = 'pending'
            """, new { Facilitator }).ToList();
    }

    private string Status(long id)
    {
        using var connection = _bot.Database.Open();
        return connection.ExecuteScalar<string>("SELECT status FROM broadcasts WHERE id = @id", new { id })!;
    }

    [Fact]
    public async Task The_author_gets_exactly_one_final_report_once_the_last_message_is_sent()
    {
        await SeedAsync();
        var id = await BroadcastFromTheChatAsync();

        await SendAsync(2);
        Assert.Equal(0, await Reports.FinishSettledAsync(CancellationToken.None));
        Assert.Empty(ReportsToFacilitator());

        await SendAsync(1);
        Assert.Equal(1, await Reports.FinishSettledAsync(CancellationToken.None));
        Assert.Equal(0, await Reports.FinishSettledAsync(CancellationToken.None));

        var report = Assert.Single(ReportsToFacilitator());
        Assert.Equal("Siaran \"Mohon selesaikan pendaftaran OVOP minggu…\" selesai: terkirim 3/3, 0 gagal, 0 dibatalkan.", report);
        Assert.Equal("done", Status(id));
        // STATUS SIARAN keeps answering, now with the final numbers.
        Assert.Equal("Siaran selesai: terkirim 3/3, 0 gagal, 0 dibatalkan.", Assert.Single(await _bot.SayAsync("STATUS SIARAN", from: Facilitator)));
    }

    [Fact]
    public async Task The_report_comes_in_the_authors_language()
    {
        await SeedAsync();
        await _bot.SayAsync("halo", from: Facilitator);
        using (var connection = _bot.Database.Open())
        {
            connection.Execute("UPDATE contacts SET language = 'en' WHERE channel = 'console' AND address = @Facilitator", new { Facilitator });
        }

        await _bot.SayAsync("BROADCAST", from: Facilitator);
        await _bot.SayAsync("1", from: Facilitator);
        await _bot.SayAsync("Rapat desa hari Senin.", from: Facilitator);
        await _bot.SayAsync("SEND", from: Facilitator);
        await SendAsync(3);
        await Reports.FinishSettledAsync(CancellationToken.None);

        Assert.Equal("Broadcast \"Rapat desa hari Senin.\" finished: sent 3/3, 0 failed, 0 cancelled.", Assert.Single(ReportsToFacilitator()));
    }

    [Fact]
    public async Task A_restart_between_the_last_send_and_the_report_still_reports_exactly_once()
    {
        await SeedAsync();
        var id = await BroadcastFromTheChatAsync();
        await SendAsync(3);

        // The process dies while finishing: the transaction that would mark it done and enqueue the report rolls back.
        await Assert.ThrowsAsync<IOException>(() => _bot.Get<BroadcastFinisher>().FinishAsync(id, _bot.Time.GetUtcNow(),
            _ => throw new IOException("power cut"), CancellationToken.None));
        Assert.Equal("queued", Status(id));
        Assert.Empty(ReportsToFacilitator());

        _bot.Restart();
        Assert.Equal(1, await Reports.FinishSettledAsync(CancellationToken.None));
        _bot.Restart();
        Assert.Equal(0, await Reports.FinishSettledAsync(CancellationToken.None));
        // Even asked directly (a second process, a stale list of candidates), a finished broadcast is not finished again.
        Assert.False((await _bot.Get<BroadcastFinisher>().FinishAsync(id, _bot.Time.GetUtcNow(), _ => new() { Text = "again" },
            CancellationToken.None)).Finished);

        Assert.Contains("terkirim 3/3", Assert.Single(ReportsToFacilitator()), StringComparison.Ordinal);
        Assert.Equal("done", Status(id));
    }

    [Fact]
    public async Task A_broadcast_cancelled_midway_ends_with_one_report_counting_what_was_not_sent()
    {
        await SeedAsync();
        var id = await BroadcastFromTheChatAsync();
        await SendAsync(1);

        Assert.Equal("Siaran dibatalkan.", Assert.Single(await _bot.SayAsync("BATAL", from: Facilitator)));
        Assert.Equal(1, await Reports.FinishSettledAsync(CancellationToken.None));
        Assert.Equal(0, await Reports.FinishSettledAsync(CancellationToken.None));
        Assert.False((await _bot.Get<BroadcastFinisher>().FinishAsync(id, _bot.Time.GetUtcNow(), _ => new() { Text = "again" },
            CancellationToken.None)).Finished);

        Assert.Contains("terkirim 1/3, 0 gagal, 2 dibatalkan", Assert.Single(ReportsToFacilitator()), StringComparison.Ordinal);
        Assert.Equal("cancelled", Status(id));
    }

    [Fact]
    public async Task A_draft_cancelled_at_the_preview_is_never_reported()
    {
        await SeedAsync();
        await _bot.SayAsync("SIARAN", from: Facilitator);
        await _bot.SayAsync("1", from: Facilitator);
        await _bot.SayAsync(Text, from: Facilitator);
        await _bot.SayAsync("BATAL", from: Facilitator);

        Assert.Equal(0, await Reports.FinishSettledAsync(CancellationToken.None));
        Assert.Empty(ReportsToFacilitator());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_command_line_broadcast_is_finished_without_any_chat_message(bool asAdmin)
    {
        await SeedAsync();
        var admin = new ContactRef("console", "admin");
        await _bot.Get<RoleStore>().GrantAsync(admin, StaffRole.Admin, "53.01", "test", CancellationToken.None, _bot.Time.GetUtcNow());
        var adminId = asAdmin ? await _bot.Get<RoleStore>().ContactIdAsync(admin, CancellationToken.None) : null;
        var service = _bot.Get<BroadcastService>();
        var preview = await service.PrepareAsync(new BroadcastRequest(BroadcastTarget.All, ["53.01.08"], Text, asAdmin ? admin.ToString() : "cli:test", adminId),
            StaffRole.Admin, CancellationToken.None);
        await service.ConfirmAsync(preview.Id, CancellationToken.None);
        await SendAsync(3);

        Assert.Equal(1, await Reports.FinishSettledAsync(CancellationToken.None));

        using var connection = _bot.Database.Open();
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM outbound_messages WHERE broadcast_id IS NULL"));
        Assert.Equal("done", Status(preview.Id));
        Assert.True((await service.ProgressAsync(preview.Id, CancellationToken.None))!.Done);
    }

    [Fact]
    public async Task The_running_service_checks_again_every_few_seconds_on_the_injected_clock()
    {
        await SeedAsync();
        await BroadcastFromTheChatAsync();
        var timers = _bot.Time.ScheduledDelays.Count;
        using var stop = new CancellationTokenSource();
        await Reports.StartAsync(stop.Token);
        try
        {
            await _bot.Time.WaitForTimersAsync(timers + 1); // first check done (all pending), now waiting
            Assert.Equal(BroadcastReportService.CheckEvery, _bot.Time.ScheduledDelays[^1]);
            await SendAsync(3);
            Assert.Empty(ReportsToFacilitator());

            _bot.Time.Advance(BroadcastReportService.CheckEvery);
            await _bot.Time.WaitForTimersAsync(timers + 2); // second check done

            Assert.Single(ReportsToFacilitator());
        }
        finally
        {
            await stop.CancelAsync();
            await Reports.StopAsync(CancellationToken.None);
        }
    }

    [Theory]
    [InlineData("Rapat desa hari Senin.", "Rapat desa hari Senin.")]
    [InlineData("Rapat desa hari Senin.\nBawa KTP.", "Rapat desa hari Senin…")]
    [InlineData("Mohon selesaikan pendaftaran OVOP minggu ini, terima kasih.", "Mohon selesaikan pendaftaran OVOP minggu…")]
    public void The_report_quotes_the_start_of_the_text_cut_between_words(string text, string quote) =>
        Assert.Equal(quote, BroadcastReportService.Quote(text));

    public void Dispose() => _bot.Dispose();
}
