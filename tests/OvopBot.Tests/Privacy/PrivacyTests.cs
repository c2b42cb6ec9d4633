using System.Text;
using Dapper;
using OvopBot.Channels.Abstractions;
using OvopBot.ChatExports;
using OvopBot.Outbox;
using OvopBot.Privacy;
using OvopBot.Roles;
using OvopBot.Tests.Broadcasts;
using OvopBot.Tests.TestSupport;
using OvopBot.Tests.Transcripts;

namespace OvopBot.Tests.Privacy;

/// <summary>Data rights (UU 27/2022) through the real processor, flows and SQLite file: DATA SAYA, HAPUS DATA, consent, retention.</summary>
public sealed class PrivacyTests : IDisposable
{
    private const string Name = "Yohanes Nope";
    private const string TypedPhone = "0812 3456 7890";
    private static readonly string[] PhoneForms = ["81234567890", TypedPhone, "0812-3456-7890"];

    private readonly TempDirectory _folders = new();
    private readonly BotHarness _bot;

    public PrivacyTests()
    {
        _bot = new BotHarness(settings: new Dictionary<string, string> { ["ChatExports:Folder"] = _folders.File("exports") });
    }

    private string MediaFolder => Path.Combine(_bot.TempPath, "media");

    private string ExportsFolder => _folders.File("exports");

    private Task<IReadOnlyList<string>> Head(string line) => _bot.SayAsync(line, from: "yohanes");

    private static string Photo => Path.Combine(TranscriptTests.Folder, "ovop-registration", "kopi.jpg");

    /// <summary>The registration with a name, a typed phone number and a product photo.</summary>
    private async Task RegisterWithPhotoAsync()
    {
        var lines = Registration.Lines(Name, TypedPhone).ToList();
        lines[^3] = ":photo " + Photo;
        await Registration.RunAsync(Head, lines);
    }

    private async Task DeliverEverythingAsync() => await _bot.Get<OutboxDispatcher>().DrainAsync(new RecordingSender("console"), CancellationToken.None);

    private T One<T>(string sql, object? parameters = null)
    {
        using var connection = _bot.Database.Open();
        return connection.QuerySingle<T>(sql, parameters);
    }

    /// <summary>Every file under the paths whose bytes contain one of the texts (UTF-8), with the text found.</summary>
    private static List<string> Containing(IEnumerable<string> files, IEnumerable<string> texts)
    {
        var found = new List<string>();
        foreach (var file in files.Where(File.Exists))
        {
            var bytes = File.ReadAllBytes(file);
            found.AddRange(texts.Where(t => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(t)) >= 0).Select(t => $"{Path.GetFileName(file)}: {t}"));
        }

        return found;
    }

    private List<string> Traces()
    {
        var files = new[] { _bot.DatabasePath, _bot.DatabasePath + "-wal", _bot.DatabasePath + "-journal" }
            .Concat(Directory.Exists(MediaFolder) ? Directory.EnumerateFiles(MediaFolder, "*", SearchOption.AllDirectories) : [])
            .Concat(Directory.Exists(ExportsFolder) ? Directory.EnumerateFiles(ExportsFolder, "*", SearchOption.AllDirectories) : []);
        return Containing(files, [Name, .. PhoneForms]);
    }

    [Fact]
    public async Task After_HAPUS_DATA_neither_the_database_file_nor_the_media_or_exports_folders_hold_the_persons_phone_number_or_name()
    {
        await RegisterWithPhotoAsync();
        await _bot.Get<RoleStore>().GrantAsync(new ContactRef("console", "admin"), StaffRole.Admin, "53", "test", CancellationToken.None, _bot.Time.GetUtcNow());
        await _bot.SayAsync("EKSPOR", from: "admin");
        await _bot.SayAsync("1", from: "admin");
        await _bot.SayAsync("0", from: "admin");
        Assert.Equal(1, await _bot.Get<ChatExportService>().RunPendingAsync(CancellationToken.None));
        await _bot.SayAsync("PERIKSA", from: "admin");
        await _bot.SayAsync("1", from: "admin");
        await DeliverEverythingAsync();
        Assert.Single(Directory.GetFiles(ExportsFolder));
        Assert.Single(Directory.GetFiles(MediaFolder, "*", SearchOption.AllDirectories));
        Assert.Contains(Traces(), t => t.Contains(Name, StringComparison.Ordinal)); // the scan can fail: the data was there

        Assert.Contains("Hapus semua data pribadi", Assert.Single(await Head("HAPUS DATA")), StringComparison.Ordinal);
        Assert.Contains("sudah dihapus", Assert.Single(await Head("ya")), StringComparison.Ordinal);
        await DeliverEverythingAsync();
        await _bot.Get<PrivacyService>().FinishErasuresAsync(CancellationToken.None);

        Assert.Empty(Traces());
        Assert.Empty(Directory.GetFiles(MediaFolder, "*", SearchOption.AllDirectories));
        var record = One<(string Status, string Json)>("SELECT status, answers_json FROM submissions");
        Assert.Equal("submitted", record.Status);
        Assert.Contains("\"respondent.name\":\"(responden dihapus)\"", record.Json, StringComparison.Ordinal);
        Assert.Contains("Madu hutan", record.Json, StringComparison.Ordinal);
        Assert.Equal(0, One<long>("SELECT count(*) FROM contacts WHERE address = 'yohanes'"));
    }

    private int _platformMessages;

    /// <summary>A message from the person's WhatsApp or SMS number: both platforms vouch for it, so they are one person.</summary>
    private Task<IReadOnlyList<string>> FromPhone(string channel, string line) =>
        _bot.SendAsync(new InboundMessage
        {
            Channel = channel,
            Address = channel == "sms" ? "+6281234567890" : "6281234567890",
            Phone = channel == "sms" ? "+6281234567890" : "6281234567890",
            DisplayName = channel == "whatsapp" ? Name : null,
            ExternalId = $"{channel}-{++_platformMessages}",
            Kind = InboundKind.Text,
            Text = line,
            ReceivedAt = _bot.Time.GetUtcNow(),
        });

    [Fact]
    public async Task A_person_on_WhatsApp_and_SMS_sees_both_contacts_in_DATA_SAYA_and_HAPUS_DATA_by_SMS_erases_both()
    {
        var lines = Registration.Lines(Name, phoneAsked: false);
        var before = Registration.BeforeProduct(phoneAsked: false);
        foreach (var line in lines.Take(before))
        {
            await FromPhone("whatsapp", line);
        }

        // The first SMS is greeted back at the question where WhatsApp stopped (it is no answer).
        await FromPhone("sms", "halo");
        foreach (var line in lines.Skip(before))
        {
            await FromPhone("sms", line);
        }

        Assert.Equal("submitted", One<string>("SELECT status FROM submissions"));
        var shown = string.Join("\n", await FromPhone("sms", "DATA SAYA"));
        Assert.Contains("Kontak: sms +6281234567890", shown, StringComparison.Ordinal);
        Assert.Contains("Kontak lain Bapak/Ibu: whatsapp 6281234567890", shown, StringComparison.Ordinal);
        Assert.Contains($"Nama: {Name}", shown, StringComparison.Ordinal);
        var privacy = _bot.Get<PrivacyService>();
        var described = await privacy.DescribeAsync(new ContactRef("whatsapp", "6281234567890"), CancellationToken.None);
        Assert.Equal(("sms", "+6281234567890"), (Assert.Single(described!.OtherContacts!).Channel, described.OtherContacts![0].Address));
        Assert.Single(described.Records);
        Assert.Contains(Traces(), t => t.Contains(Name, StringComparison.Ordinal));

        await FromPhone("sms", "HAPUS DATA");
        Assert.Contains("sudah dihapus", Assert.Single(await FromPhone("sms", "ya")), StringComparison.Ordinal);
        foreach (var channel in new[] { "sms", "whatsapp" })
        {
            await _bot.Get<OutboxDispatcher>().DrainAsync(new RecordingSender(channel), CancellationToken.None);
        }

        await privacy.FinishErasuresAsync(CancellationToken.None);

        Assert.Empty(Traces());
        Assert.Equal(2, One<long>("SELECT count(*) FROM contacts WHERE erased_at IS NOT NULL AND address LIKE 'erased-%'"));
        Assert.Equal(0, One<long>("SELECT count(*) FROM sessions WHERE instr(state_json, 'respondent.') > 0 OR submission_id IS NOT NULL"));
        Assert.Contains("\"respondent.name\":\"(responden dihapus)\"", One<string>("SELECT answers_json FROM submissions"), StringComparison.Ordinal);
        Assert.Null(await privacy.DescribeAsync(new ContactRef("whatsapp", "6281234567890"), CancellationToken.None));
    }

    [Fact]
    public async Task Erasing_the_same_person_twice_is_a_no_op()
    {
        await Registration.RunAsync(Head);
        var privacy = _bot.Get<PrivacyService>();
        var person = new ContactRef("console", "yohanes");

        Assert.Equal(ErasureOutcome.Erased, await privacy.EraseAsync(person, CancellationToken.None));
        var after = One<string>("SELECT answers_json FROM submissions");
        Assert.Equal(ErasureOutcome.NothingStored, await privacy.EraseAsync(person, CancellationToken.None));
        Assert.Equal(after, One<string>("SELECT answers_json FROM submissions"));
    }

    [Fact]
    public async Task A_staff_member_using_HAPUS_DATA_loses_their_roles_and_erases_only_their_own_data()
    {
        await Registration.RunAsync(Head);
        await _bot.Get<RoleStore>().GrantAsync(new ContactRef("console", "fas"), StaffRole.Facilitator, "53.01.08", "test", CancellationToken.None,
            _bot.Time.GetUtcNow());
        await _bot.SayAsync("PERIKSA", from: "fas");
        var record = One<string>("SELECT answers_json FROM submissions");

        await _bot.SayAsync("HAPUS DATA", from: "fas");
        Assert.Contains("sudah dihapus", Assert.Single(await _bot.SayAsync("ya", from: "fas")), StringComparison.Ordinal);

        Assert.Equal(0, One<long>("SELECT count(*) FROM staff_roles"));
        Assert.Equal(record, One<string>("SELECT answers_json FROM submissions"));
        Assert.Contains("Benediktus Mau", record, StringComparison.Ordinal);
        // Without the role, PERIKSA is just a word to the registration.
        Assert.DoesNotContain(await _bot.SayAsync("PERIKSA", from: "fas"), r => r.Contains("Menunggu pemeriksaan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DATA_SAYA_from_someone_with_no_data_says_so_and_stores_nothing_about_them()
    {
        var reply = Assert.Single(await _bot.SayAsync("DATA SAYA", from: "new-person"));

        Assert.StartsWith("Belum ada data Bapak/Ibu yang tersimpan", reply, StringComparison.Ordinal);
        Assert.Equal(0, One<long>("SELECT count(*) FROM submissions"));
        Assert.Equal(0, One<long>("SELECT count(*) FROM consents"));
    }

    [Fact]
    public async Task DATA_SAYA_shows_the_contact_consent_answers_and_counts_in_messages_of_at_most_500_characters()
    {
        await RegisterWithPhotoAsync();

        var pages = await Head("DATA SAYA");

        var text = string.Join("\n", pages);
        Assert.True(pages.Count >= 2, text);
        Assert.All(pages, p => Assert.True(p.Length <= 500, p));
        Assert.Contains("Kontak: console yohanes", text, StringComparison.Ordinal);
        Assert.Contains("Persetujuan: Ya", text, StringComparison.Ordinal);
        Assert.Contains($"Nama: {Name}", text, StringComparison.Ordinal);
        Assert.Contains("File media: 1", text, StringComparison.Ordinal);
        Assert.Contains("HAPUS DATA", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_is_stored_with_its_time_text_version_and_channel_and_a_no_keeps_only_the_no()
    {
        await Head("halo");
        await Head("ya");
        await _bot.SayAsync("halo", from: "decliner");
        await _bot.SayAsync("Saya Maria, tidak mau", from: "decliner");
        await _bot.SayAsync("2", from: "decliner");

        var consents = (await ConsentsAsync()).ToList();
        Assert.Equal(2, consents.Count);
        Assert.Equal(("yohanes", true, "console", "2026-11-23T01:00:00.000Z"), (consents[0].Address, consents[0].Given, consents[0].Channel, consents[0].At));
        Assert.Matches(@"^ovop-registration v1 id #[0-9a-f]{8}$", consents[0].Version);
        Assert.False(consents[1].Given);
        Assert.Equal(0, One<long>("SELECT count(*) FROM inbound_messages m JOIN contacts c ON c.id = m.contact_id WHERE c.address = 'decliner' AND m.text IS NOT NULL"));
        Assert.Equal(0, One<long>("SELECT count(*) FROM submissions s JOIN contacts c ON c.id = s.contact_id WHERE c.address = 'decliner'"));
        Assert.Equal("Declined", One<string>("SELECT s.status FROM sessions s JOIN contacts c ON c.id = s.contact_id WHERE c.address = 'decliner'"));
    }

    private async Task<IEnumerable<(string Address, bool Given, string Channel, string At, string Version)>> ConsentsAsync()
    {
        await using var connection = _bot.Database.Open();
        return await connection.QueryAsync<(string, bool, string, string, string)>(
            "SELECT c.address, k.given, k.channel, k.at, k.text_version FROM consents k JOIN contacts c ON c.id = k.contact_id ORDER BY k.id");
    }

    [Fact]
    public async Task Retention_removes_message_text_and_media_older_than_365_days_and_keeps_the_answers()
    {
        await RegisterWithPhotoAsync();
        var answers = One<string>("SELECT answers_json FROM submissions");
        _bot.Time.Advance(TimeSpan.FromDays(200));
        await _bot.SayAsync("halo", from: "later");
        var privacy = _bot.Get<PrivacyService>();

        _bot.Time.Advance(TimeSpan.FromDays(165) - TimeSpan.FromMinutes(1));
        Assert.Equal(new RetentionResult(0, 0), await privacy.ApplyRetentionAsync(CancellationToken.None));
        _bot.Time.Advance(TimeSpan.FromMinutes(10));
        var result = await privacy.ApplyRetentionAsync(CancellationToken.None);

        Assert.Equal(1, result.MediaFiles);
        Assert.True(result.Messages > 20, result.ToString());
        Assert.Equal(0, One<long>("SELECT count(*) FROM inbound_messages m JOIN contacts c ON c.id = m.contact_id WHERE c.address = 'yohanes' AND (m.text IS NOT NULL OR m.media_path IS NOT NULL)"));
        Assert.Equal("halo", One<string>("SELECT m.text FROM inbound_messages m JOIN contacts c ON c.id = m.contact_id WHERE c.address = 'later'"));
        Assert.Empty(Directory.GetFiles(MediaFolder, "*", SearchOption.AllDirectories));
        Assert.Equal(answers, One<string>("SELECT answers_json FROM submissions"));
    }

    public void Dispose()
    {
        _bot.Dispose();
        _folders.Dispose();
    }
}
