using Dapper;
using OvopBot.Broadcasts;
using OvopBot.Channels.Abstractions;
using OvopBot.ChatExports;
using OvopBot.Exports;
using OvopBot.Operations;
using OvopBot.Outbox;
using OvopBot.Regions;
using OvopBot.Reminders;
using OvopBot.Roles;
using OvopBot.Tests.Broadcasts;
using OvopBot.Tests.Roles;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Operations;

/// <summary>
/// One bad row among good ones never stops a background loop: the good rows are handled in the same pass, the bad one
/// is tried again at the next passes and then set aside (recorded as failed or skipped), and the loop goes on.
/// Real SQLite; each bad row is made by corrupting what the loop reads, as a bug or a hand edit would.
/// </summary>
public sealed class BackgroundLoopBadRowTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task A_reminder_that_cannot_be_made_is_recorded_with_its_error_and_the_other_people_are_reminded()
    {
        foreach (var person in new[] { "kades-1", "kades-bad", "kades-3" })
        {
            await _bot.SayAsync("halo", person);
            await _bot.SayAsync("ya", person);
        }

        Execute("UPDATE sessions SET state_json = '{\"nodeId\": ' WHERE contact_id = (SELECT id FROM contacts WHERE address = 'kades-bad')");
        _bot.Time.Advance(TimeSpan.FromDays(1));
        var reminders = _bot.Get<ReminderService>();

        Assert.Equal(2, await reminders.SendDueAsync(CancellationToken.None));
        for (var pass = 2; pass <= LoopRowGuard.MaxAttempts; pass++)
        {
            Assert.Equal(0, await reminders.SendDueAsync(CancellationToken.None));
        }

        Assert.Equal(["kades-1", "kades-3"], Strings(
            "SELECT c.address FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id WHERE o.kind = 1 ORDER BY c.address"));
        Assert.StartsWith("JsonException", Assert.Single(Strings(
            "SELECT r.error FROM reminders_sent r JOIN contacts c ON c.id = r.contact_id WHERE c.address = 'kades-bad'")), StringComparison.Ordinal);
        Assert.Equal(2, Count("SELECT count(*) FROM reminders_sent WHERE error IS NULL"));
        Assert.Equal(0, await reminders.SendDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_broadcast_whose_report_cannot_be_made_is_finished_without_it_and_the_others_get_theirs()
    {
        var villages = _bot.Get<RegionCatalog>().VillagesOf("53.01.08");
        for (var i = 0; i < 2; i++)
        {
            StaffSeed.Respondent(_bot.Database, $"{i}", villages[i].Code, "draft", _bot.Time.GetUtcNow());
        }

        var facilitator = new ContactRef("console", "fas-1");
        await _bot.Get<RoleStore>().GrantAsync(facilitator, StaffRole.Facilitator, "53.01.08", "test", CancellationToken.None, _bot.Time.GetUtcNow());
        var author = await _bot.Get<RoleStore>().ContactIdAsync(facilitator, CancellationToken.None);
        var service = _bot.Get<BroadcastService>();
        var ids = new List<long>();
        foreach (var text in new[] { "Rapat desa hari Senin.", "Rapat desa hari Selasa.", "Rapat desa hari Rabu." })
        {
            var preview = await service.PrepareAsync(new BroadcastRequest(BroadcastTarget.All, ["53.01.08"], text, facilitator.ToString(), author,
                ReportToAuthor: true), StaffRole.Facilitator, CancellationToken.None);
            await service.ConfirmAsync(preview.Id, CancellationToken.None);
            ids.Add(preview.Id);
        }

        // A take holds one row per person, so every person's three broadcasts take three takes.
        var sender = new RecordingSender("telegram");
        IReadOnlyList<OutboundEnvelope> due;
        while ((due = await _bot.Get<OutboxStore>().TakeDueAsync("telegram", _bot.Time.GetUtcNow(), 100, CancellationToken.None)).Count > 0)
        {
            foreach (var envelope in due)
            {
                await _bot.Get<OutboxDispatcher>().SendOneAsync(sender, envelope, CancellationToken.None);
            }
        }

        // The middle one's counts are unreadable, so its report cannot be written.
        Execute($"UPDATE broadcasts SET skipped_opted_out = 'banyak' WHERE id = {ids[1]}");
        var reports = _bot.Get<BroadcastReportService>();

        Assert.Equal(2, await reports.FinishSettledAsync(CancellationToken.None));
        Assert.Equal(0, await reports.FinishSettledAsync(CancellationToken.None));
        Assert.Equal(1, await reports.FinishSettledAsync(CancellationToken.None));
        Assert.Equal(0, await reports.FinishSettledAsync(CancellationToken.None));

        Assert.Equal(3, Count("SELECT count(*) FROM broadcasts WHERE status = 'done' AND finished_at IS NOT NULL"));
        var toAuthor = Strings($"SELECT text FROM outbound_messages WHERE contact_id = {author} ORDER BY id");
        Assert.Equal(2, toAuthor.Count);
        Assert.Contains("Senin", toAuthor[0], StringComparison.Ordinal);
        Assert.Contains("Rabu", toAuthor[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interrupted_broadcast_that_cannot_be_resumed_does_not_keep_the_next_one_from_going_out()
    {
        var villages = _bot.Get<RegionCatalog>().VillagesOf("53.01.08");
        StaffSeed.Respondent(_bot.Database, "0", villages[0].Code, "draft", _bot.Time.GetUtcNow());
        var service = _bot.Get<BroadcastService>();
        var ids = new List<long>();
        foreach (var text in new[] { "Rapat desa hari Senin.", "Rapat desa hari Selasa." })
        {
            ids.Add((await service.PrepareAsync(new BroadcastRequest(BroadcastTarget.All, ["53.01.08"], text, "cli:test"), StaffRole.Admin,
                CancellationToken.None)).Id);
        }

        // Both confirmed when the process died, before their rows were enqueued; the first one's text is unreadable.
        Execute("UPDATE broadcasts SET status = 'enqueuing'");
        Execute($"UPDATE broadcasts SET text = X'FFFE00' WHERE id = {ids[0]}");

        await Assert.ThrowsAsync<AggregateException>(() => service.ResumeInterruptedAsync(CancellationToken.None));

        Assert.Equal(["enqueuing", "queued"], Strings("SELECT status FROM broadcasts ORDER BY id"));
        Assert.Equal(1, Count($"SELECT count(*) FROM outbound_messages WHERE broadcast_id = {ids[1]}"));
    }

    [Fact]
    public async Task A_chat_export_request_that_cannot_be_read_is_marked_failed_and_the_others_are_answered()
    {
        var admin = new ContactRef("console", "admin");
        await _bot.Get<RoleStore>().GrantAsync(admin, StaffRole.Admin, "53", "test", CancellationToken.None, _bot.Time.GetUtcNow());
        var contact = (await _bot.Get<RoleStore>().ContactIdAsync(admin, CancellationToken.None))!.Value;
        using (var write = await _bot.Database.BeginWriteAsync(CancellationToken.None))
        {
            ChatExportStore.Enqueue(write, contact, new ChatExportRequest(ExportKind.Submissions, "53.01", "id"), _bot.Time.GetUtcNow());
            ChatExportStore.Enqueue(write, contact, new ChatExportRequest(ExportKind.Contacts, "53.01", "id"), _bot.Time.GetUtcNow());
            ChatExportStore.Enqueue(write, contact, new ChatExportRequest(ExportKind.Requests, "53.01", "id"), _bot.Time.GetUtcNow());
            write.Commit();
        }

        // A kind this version does not know (written by a newer one, or by hand) in the middle of the queue.
        Execute("UPDATE chat_exports SET kind = 'photos' WHERE id = (SELECT min(id) + 1 FROM chat_exports)");
        var exports = _bot.Get<ChatExportService>();

        Assert.Equal(2, await exports.RunPendingAsync(CancellationToken.None));
        for (var pass = 2; pass <= LoopRowGuard.MaxAttempts; pass++)
        {
            Assert.Equal(0, await exports.RunPendingAsync(CancellationToken.None));
        }

        var statuses = Strings("SELECT status FROM chat_exports ORDER BY id");
        Assert.Equal("failed", statuses[1]);
        Assert.DoesNotContain(statuses.Where((_, i) => i != 1), s => s is "pending" or "failed");
        Assert.Equal(0, await exports.RunPendingAsync(CancellationToken.None));
        Assert.Equal(2, Count($"SELECT count(*) FROM outbound_messages WHERE contact_id = {contact}"));
    }

    private void Execute(string sql)
    {
        using var connection = _bot.Database.Open();
        connection.Execute(sql);
    }

    private long Count(string sql)
    {
        using var connection = _bot.Database.Open();
        return connection.ExecuteScalar<long>(sql);
    }

    private List<string> Strings(string sql)
    {
        using var connection = _bot.Database.Open();
        return connection.Query<string>(sql).ToList();
    }
}
