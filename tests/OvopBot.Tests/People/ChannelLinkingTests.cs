using System.Text.RegularExpressions;
using CsCheck;
using Dapper;
using OvopBot.People;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.People;

/// <summary>
/// Linking a channel on purpose through the real processor, flows and SQLite file, with a hand-moved clock: the head
/// registered as one contact ("kades"); another contact writes the record's reference and must type the code that
/// went to the head. Wrong, expired and guessed codes, cancelling, and the limits on asking for codes.
/// </summary>
public sealed partial class ChannelLinkingTests : IDisposable
{
    private readonly BotHarness _bot = new();

    private Task<IReadOnlyList<string>> Head(string line) => _bot.SayAsync(line, from: "kades");

    private Task<IReadOnlyList<string>> Other(string line, string from = "hp-baru") => _bot.SayAsync(line, from: from);

    private async Task RegisterHeadAsync()
    {
        var last = await Registration.RunAsync(Head);
        Assert.Contains(Registration.Reference, string.Join("\n", last), StringComparison.Ordinal);
    }

    /// <summary>The code in the newest message queued for the contact (messages to others are not replies).</summary>
    private string? CodeSentTo(string address)
    {
        using var connection = _bot.Database.Open();
        var text = connection.QueryFirstOrDefault<string>(
            "SELECT o.text FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id WHERE c.address = @address ORDER BY o.id DESC LIMIT 1",
            new { address });
        return text is not null && CodeShape().Match(text) is { Success: true } m ? m.Groups[1].Value : null;
    }

    private long People()
    {
        using var connection = _bot.Database.Open();
        return connection.ExecuteScalar<long>("SELECT count(DISTINCT coalesce(person_id, id)) FROM contacts");
    }

    private static string Joined(IReadOnlyList<string> replies) => string.Join("\n", replies);

    [Fact]
    public async Task The_right_code_links_the_new_contact_and_the_heads_record_goes_on_there()
    {
        await RegisterHeadAsync();
        // The new phone had begun a registration of its own before it remembered the reference.
        Assert.Contains("setuju?", Joined(await Other("halo")), StringComparison.Ordinal);

        var asked = Joined(await Other("ovop 5301082006 1"));
        Assert.Contains("Kode 6 angka sudah dikirim", asked, StringComparison.Ordinal);
        Assert.Contains("konsol", asked, StringComparison.Ordinal);
        var code = CodeSentTo("kades");
        Assert.NotNull(code);
        Assert.DoesNotContain(code, asked, StringComparison.Ordinal);

        var linked = Joined(await Other(code[..3] + " " + code[3..]));
        Assert.Contains("tersambung ke sini", linked, StringComparison.Ordinal);
        // The head's conversation goes on: it was finished, so the finished menu is offered.
        Assert.Contains("Lihat atau ubah jawaban", linked, StringComparison.Ordinal);
        Assert.Equal(1, People());

        // STATUS from the new contact shows the head's record; the new contact's own draft is gone.
        Assert.Contains(Registration.Reference, Joined(await Other("STATUS")), StringComparison.Ordinal);
        using var connection = _bot.Database.Open();
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM submissions"));
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM sessions"));
        Assert.Equal("linked", connection.ExecuteScalar<string>("SELECT outcome FROM link_requests"));
        // The head is told, on the first channel, that another contact is now linked.
        Assert.Contains("juga tersambung", connection.QueryFirst<string>(
            "SELECT o.text FROM outbound_messages o JOIN contacts c ON c.id = o.contact_id WHERE c.address = 'kades' ORDER BY o.id DESC"),
            StringComparison.Ordinal);
        // The same reference again: already linked, no new code.
        Assert.Contains("sudah tersambung", Joined(await Other(Registration.Reference)), StringComparison.Ordinal);
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM link_requests"));
    }

    [Fact]
    public async Task A_wrong_code_counts_and_the_right_one_still_links_within_the_tries()
    {
        await RegisterHeadAsync();
        await Other(Registration.Reference);
        var code = CodeSentTo("kades")!;
        var wrong = code == "000000" ? "111111" : "000000";

        var answer = Joined(await Other(wrong));
        Assert.Contains("Kode salah. Sisa percobaan: 4", answer, StringComparison.Ordinal);
        Assert.Equal(2, People());
        // Anything else while the code is awaited: the person is told what to type (and how to leave).
        Assert.Contains("Ketik kode 6 angka", Joined(await Other("apa ini")), StringComparison.Ordinal);

        Assert.Contains("tersambung ke sini", Joined(await Other(code)), StringComparison.Ordinal);
        Assert.Equal(1, People());
    }

    [Fact]
    public async Task An_expired_code_links_nothing_and_a_new_reference_gives_a_new_code()
    {
        await RegisterHeadAsync();
        await Other(Registration.Reference);
        var code = CodeSentTo("kades")!;

        _bot.Time.Advance(ChannelLinking.CodeLifetime + TimeSpan.FromSeconds(1));
        var late = Joined(await Other(code));
        Assert.Contains("kedaluwarsa", late, StringComparison.Ordinal);
        Assert.Contains(Registration.Reference, late, StringComparison.Ordinal);
        Assert.Equal(2, People());

        await Other(Registration.Reference);
        var fresh = CodeSentTo("kades")!;
        Assert.Contains("tersambung ke sini", Joined(await Other(fresh)), StringComparison.Ordinal);
        Assert.Equal(1, People());
    }

    [Fact]
    public async Task A_stranger_who_knows_the_reference_cannot_take_the_record_over()
    {
        await RegisterHeadAsync();
        await Head("1"); // the head's session is somewhere: it must not move
        using var connection = _bot.Database.Open();
        var headSession = connection.QuerySingle<string>("SELECT state_json FROM sessions");

        var asked = Joined(await Other(Registration.Reference, from: "orang-lain"));
        var code = CodeSentTo("kades")!;
        Assert.DoesNotContain(code, asked, StringComparison.Ordinal);
        // Guessing: five wrong codes close the request.
        var guesses = new List<string>();
        for (var i = 0; i < ChannelLinking.MaxAttempts; i++)
        {
            var guess = (123456 + i * 111).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            guesses.Add(Joined(await Other(guess == code ? "999999" : guess, from: "orang-lain")));
        }

        Assert.Contains("terlalu sering", guesses[^1], StringComparison.Ordinal);
        // The right code now is too late: the request is closed; it is an ordinary message of the stranger's own.
        Assert.DoesNotContain("tersambung", Joined(await Other(code, from: "orang-lain")), StringComparison.Ordinal);
        Assert.Equal(2, People());
        Assert.Equal(headSession, connection.QuerySingle<string>(
            "SELECT s.state_json FROM sessions s JOIN contacts c ON c.id = s.contact_id WHERE c.address = 'kades'"));

        // Codes a day are limited (per sender and per record owner), so the owner is not flooded and guessing stays hopeless.
        await Other(Registration.Reference, from: "orang-lain");
        await Other(Registration.Reference, from: "orang-lain");
        Assert.Contains("terlalu banyak kode", Joined(await Other(Registration.Reference, from: "orang-lain")), StringComparison.Ordinal);
        Assert.Contains("terlalu banyak kode", Joined(await Other(Registration.Reference, from: "orang-ketiga")), StringComparison.Ordinal);
        Assert.Equal(ChannelLinking.MaxRequestsPerDay, connection.ExecuteScalar<long>("SELECT count(*) FROM link_requests"));
    }

    [Fact]
    public async Task Cancelling_or_asking_a_facilitator_leaves_the_linking_and_an_unknown_reference_is_said_so()
    {
        await RegisterHeadAsync();
        Assert.Contains("tidak ditemukan", Joined(await Other("OVOP-5301082006-7")), StringComparison.Ordinal);

        await Other(Registration.Reference);
        var cancelled = Joined(await Other("BATAL"));
        Assert.Contains("penautan dibatalkan", cancelled, StringComparison.Ordinal);
        Assert.Contains("setuju?", cancelled, StringComparison.Ordinal); // their own conversation begins
        Assert.DoesNotContain("Ketik kode", Joined(await Other("1")), StringComparison.Ordinal);

        await Other(Registration.Reference);
        var asked = Joined(await Other("PENDAMPING"));
        Assert.Contains("penautan dibatalkan", asked, StringComparison.Ordinal);
        Assert.Contains("pendamping", asked.Split('\n')[^1], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, People());
    }

    [Fact]
    public async Task A_code_asked_for_before_the_linking_dialog_was_stored_is_still_checked_after_the_upgrade()
    {
        await RegisterHeadAsync();
        await Other(Registration.Reference);
        var code = CodeSentTo("kades")!;
        // As a database from before migration 020 left it: the request open, no dialog state.
        using (var connection = _bot.Database.Open())
        {
            connection.Execute("DROP TABLE link_dialogs; DELETE FROM schema_migrations WHERE version = 20;");
        }

        _bot.Restart();

        Assert.Contains("Kode salah. Sisa percobaan: 4", Joined(await Other(code == "000000" ? "111111" : "000000")), StringComparison.Ordinal);
        Assert.Contains("tersambung ke sini", Joined(await Other(code)), StringComparison.Ordinal);
        Assert.Equal(1, People());
    }

    [Fact]
    public void A_reference_is_recognised_however_it_is_spaced_or_cased_and_nothing_else_is_taken_for_one()
    {
        string[] spellings = ["-", " ", "", "_", " - ", "."];
        var separators = Gen.Int[0, spellings.Length - 1].Select(i => spellings[i]);
        Gen.Select(Gen.Long[1_000_000_000L, 9_999_999_999L], Gen.Int[1, 99], separators, separators, Gen.Bool)
            .Sample((village, count, first, second, lower) =>
            {
                var canonical = $"OVOP-{village}-{count}";
                var typed = $"{(lower ? "ovop" : "OVOP")}{first}{village}{(second.Length == 0 ? " " : second)}{count}";
                Assert.Equal(canonical, ChannelLinking.Reference(typed));
            });
        Assert.Equal("OVOP-000042", ChannelLinking.Reference("ovop 000042"));
        // Invite codes, answers that merely mention a reference, and numbers are not references.
        for (var i = 0; i < 1_000; i++)
        {
            Assert.Null(ChannelLinking.Reference(OvopBot.Roles.InviteCode.Generate()));
        }

        Assert.All(["nomor saya OVOP-5301082006-1", "5301082006", "OVOP-123", "Kopi Arabika", ""], t => Assert.Null(ChannelLinking.Reference(t)));
    }

    public void Dispose() => _bot.Dispose();

    [GeneratedRegex(@"Kode OVOP: (\d{6})")]
    private static partial Regex CodeShape();
}
