using Dapper;
using OvopBot.Exports;
using OvopBot.Handoffs;
using OvopBot.Roles;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Handoffs;

/// <summary>A person to ask: PENDAMPING / TANYA, voice notes, BALAS, the timeout, through the real processor and SQLite.</summary>
public sealed class HandoffTests : IDisposable
{
    private readonly BotHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    private async Task GrantAsync(string address, string region, StaffRole role = StaffRole.Facilitator)
    {
        await _bot.SayAsync("halo", from: address); // the staff member has written to the bot before
        await _bot.Get<RoleStore>().GrantAsync(new ContactRef("console", address), role, region, "test", CancellationToken.None, _bot.Time.GetUtcNow());
    }

    /// <summary>Texts queued for a person (replies included), oldest first.</summary>
    private List<string> Outbox(string address)
    {
        using var connection = _bot.Database.Open();
        return connection.Query<string>(
            "SELECT o.text FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id WHERE c.address = @address ORDER BY o.id",
            new { address }).ToList();
    }

    private async Task ReachOelnasiAsync(string person)
    {
        await _bot.SayAsync("halo", from: person);
        await _bot.SayAsync("ya", from: person);
        await _bot.SayAsync("oelnasi", from: person);
        await _bot.SayAsync("1", from: person);
        await _bot.SayAsync("1", from: person);
        await _bot.SayAsync("Yohanes Nope", from: person);
    }

    [Fact]
    public async Task The_question_goes_to_the_facilitator_of_the_village_and_the_answer_comes_back()
    {
        await GrantAsync("fasil-kupang-tengah", "53.01.08");
        await GrantAsync("fasil-belu", "53.04");
        await GrantAsync("admin", "53", StaffRole.Admin);
        await ReachOelnasiAsync("kades");

        var prompt = await _bot.SayAsync("PENDAMPING", from: "kades");
        Assert.Contains(prompt, r => r.Contains("Silakan tulis pertanyaan", StringComparison.Ordinal));
        var sent = await _bot.SayAsync("Nomor HP kantor desa boleh?", from: "kades");
        Assert.Contains(sent, r => r.Contains("sudah diteruskan ke pendamping", StringComparison.Ordinal) && r.Contains("nomor HP", StringComparison.Ordinal));

        var forwarded = Outbox("fasil-kupang-tengah")[^1];
        Assert.Contains("Pertanyaan #1 dari Yohanes Nope, Desa Oelnasi", forwarded, StringComparison.Ordinal);
        Assert.Contains("Di pertanyaan: Nomor HP", forwarded, StringComparison.Ordinal);
        Assert.Contains("\"Nomor HP kantor desa boleh?\"", forwarded, StringComparison.Ordinal);
        Assert.Contains("BALAS 1", forwarded, StringComparison.Ordinal);
        Assert.DoesNotContain(Outbox("fasil-belu"), t => t.Contains("Pertanyaan #1", StringComparison.Ordinal));
        Assert.DoesNotContain(Outbox("admin"), t => t.Contains("Pertanyaan #1", StringComparison.Ordinal));

        // Someone else's area: refused, nothing sent.
        var wrong = await _bot.SayAsync("BALAS 1 Boleh", from: "fasil-belu");
        Assert.Contains(wrong, r => r.Contains("tidak ada di wilayah", StringComparison.Ordinal));

        var done = await _bot.SayAsync("balas 1 Boleh, tulis nomor kantor desa.", from: "fasil-kupang-tengah");
        Assert.Contains(done, r => r.Contains("#1 sudah dikirim", StringComparison.Ordinal));
        Assert.Equal("Jawaban pendamping:\nBoleh, tulis nomor kantor desa.", Outbox("kades")[^1]);

        // The conversation goes on where it was; the exchange is in the conversation export.
        var next = await _bot.SayAsync("0812 3456 7890", from: "kades");
        Assert.Contains(next, r => r.Contains("produk unggulan", StringComparison.Ordinal));
        var csv = await ExportConversationsAsync();
        Assert.Contains("Nomor HP kantor desa boleh?", csv, StringComparison.Ordinal);
        Assert.Contains("Boleh, tulis nomor kantor desa.", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BALAS_in_the_middle_of_a_broadcast_answers_and_leaves_the_broadcast_where_it_was()
    {
        await GrantAsync("fasil", "53.01.08");
        await ReachOelnasiAsync("kades");
        await _bot.SayAsync("PENDAMPING", from: "kades");
        await _bot.SayAsync("Nomor HP kantor desa boleh?", from: "kades");
        await _bot.SayAsync("SIARAN", from: "fasil");
        Assert.Contains(await _bot.SayAsync("1", from: "fasil"), r => r.Contains("Ketik isi pengumuman", StringComparison.Ordinal));

        var done = await _bot.SayAsync("BALAS 1 Boleh.", from: "fasil");

        Assert.Contains(done, r => r.Contains("#1 sudah dikirim", StringComparison.Ordinal));
        Assert.Equal("Jawaban pendamping:\nBoleh.", Outbox("kades")[^1]);
        // The broadcast dialog still waits for its text (the staff flow's reply entry runs aside).
        Assert.Contains(await _bot.SayAsync("Rapat desa hari Senin.", from: "fasil"), r => r.Contains("pratinjau pengumuman", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_village_or_a_facilitator_the_admins_are_asked_and_a_voice_note_is_forwarded_not_refused()
    {
        await GrantAsync("admin", "53", StaffRole.Admin);
        await _bot.SayAsync("halo", from: "kades");
        await _bot.SayAsync("ya", from: "kades");

        var voice = Path.Combine(_bot.TempPath, "suara.ogg");
        await File.WriteAllBytesAsync(voice, [1, 2, 3]);
        var replies = await _bot.SayAsync($":voice {voice}", from: "kades");

        Assert.Contains(replies, r => r.Contains("Pesan suara Bapak/Ibu sudah diteruskan", StringComparison.Ordinal) && r.Contains("nama desa", StringComparison.Ordinal));
        var forwarded = Outbox("admin")[^1];
        Assert.Contains("desa belum diisi", forwarded, StringComparison.Ordinal);
        Assert.Contains("(pesan suara, terlampir)", forwarded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_answers_in_time_the_person_is_told_and_the_admins_notified_once()
    {
        await GrantAsync("fasil", "53.01.08");
        await GrantAsync("admin", "53", StaffRole.Admin);
        await ReachOelnasiAsync("kades");
        await _bot.SayAsync("TANYA", from: "kades");
        await _bot.SayAsync("Apa itu BPJS?", from: "kades");
        var handoffs = _bot.Get<HandoffService>();

        _bot.Time.Advance(TimeSpan.FromHours(23));
        Assert.Empty(await handoffs.ReportUnansweredAsync(CancellationToken.None));
        _bot.Time.Advance(TimeSpan.FromHours(2));
        Assert.NotEmpty(await handoffs.ReportUnansweredAsync(CancellationToken.None));
        Assert.Empty(await handoffs.ReportUnansweredAsync(CancellationToken.None));

        Assert.Contains("pendamping belum sempat menjawab", Outbox("kades")[^1], StringComparison.Ordinal);
        Assert.Single(Outbox("admin"), t => t.Contains("Pertanyaan #1 belum dijawab", StringComparison.Ordinal));
        Assert.DoesNotContain(Outbox("fasil"), t => t.Contains("belum dijawab", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_damaged_question_never_keeps_the_others_from_their_report_and_is_set_aside_after_three_checks()
    {
        await GrantAsync("admin", "53", StaffRole.Admin);
        foreach (var person in new[] { "kades-1", "kades-bad", "kades-2" })
        {
            await ReachOelnasiAsync(person);
            await _bot.SayAsync("TANYA", from: person);
            await _bot.SayAsync($"Pertanyaan dari {person}", from: person);
        }

        // The middle question's time cannot be read (still older than the limit, so it is due).
        using (var connection = _bot.Database.Open())
        {
            connection.Execute("UPDATE handoffs SET created_at = '2000-99-99 rusak' WHERE contact_id = (SELECT id FROM contacts WHERE address = 'kades-bad')");
        }

        _bot.Time.Advance(TimeSpan.FromDays(2));
        var handoffs = _bot.Get<HandoffService>();
        Assert.NotEmpty(await handoffs.ReportUnansweredAsync(CancellationToken.None));
        Assert.Contains("pendamping belum sempat menjawab", Outbox("kades-1")[^1], StringComparison.Ordinal);
        Assert.Contains("pendamping belum sempat menjawab", Outbox("kades-2")[^1], StringComparison.Ordinal);

        Assert.Empty(await handoffs.ReportUnansweredAsync(CancellationToken.None));
        Assert.Empty(await handoffs.ReportUnansweredAsync(CancellationToken.None));
        using (var connection = _bot.Database.Open())
        {
            Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM handoffs WHERE timed_out_at IS NULL"));
        }

        Assert.DoesNotContain(Outbox("kades-bad"), t => t.Contains("belum sempat menjawab", StringComparison.Ordinal));
        Assert.Equal(2, Outbox("admin").Count(t => t.Contains("belum dijawab", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_redelivered_question_is_forwarded_once()
    {
        await GrantAsync("fasil", "53.01.08");
        await ReachOelnasiAsync("kades");
        await _bot.SayAsync("PENDAMPING", from: "kades");
        var message = new OvopBot.Channels.Console.ConsoleInputParser(_bot.TempPath).Parse("Halo pak", "kades", "kades-same", _bot.Time.GetUtcNow());

        await _bot.SendAsync(message);
        await _bot.SendAsync(message);

        Assert.Single(Outbox("fasil"), t => t.Contains("\"Halo pak\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("BALAS 12 Boleh saja", 12L, "Boleh saja")]
    [InlineData("balas #7: ya", 7L, "ya")]
    [InlineData("/reply 3 ok", 3L, "ok")]
    [InlineData("BALAS tanpa nomor", 0L, "")]
    public void Reply_commands_are_read(string text, long id, string answer)
    {
        var parsed = HandoffReplyParser.Parse(text, ["BALAS", "REPLY"]);
        Assert.Equal((id, answer), parsed);
    }

    [Fact]
    public void Other_text_is_no_reply() => Assert.Null(HandoffReplyParser.Parse("BALASAN saya", ["BALAS"]));

    private async Task<string> ExportConversationsAsync()
    {
        var path = Path.Combine(_bot.TempPath, "conversations.csv");
        _bot.Get<ExportService>().ExportToFile(ExportRequest.Of(ExportKind.Conversations, ExportFormat.Csv), path);
        return await File.ReadAllTextAsync(path);
    }
}
