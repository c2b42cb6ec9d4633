using System.Text.Json.Nodes;
using OvopBot.Tests.Channels.Telegram.EndToEnd;
using OvopBot.Tests.Channels.WhatsApp.EndToEnd;
using OvopBot.Tests.Fakes;
using OvopBot.Tests.TestSupport;
using static OvopBot.Tests.Fakes.WebhookPayloads;

namespace OvopBot.Tests.Media;

/// <summary>
/// Media is downloaded only when the person's current question asks for it, within the per-person and folder caps:
/// the real service against the fake Telegram Bot API and Graph API, which record every download.
/// </summary>
public sealed class MediaOnDemandTests
{
    private const long Chat = 5123400077;
    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0xFF, 0xD9];

    /// <summary>The registration up to the photo question (its last three lines answer photo, location, summary).</summary>
    private static IReadOnlyList<string> UpToPhoto => Registration.Lines().SkipLast(3).ToList();

    [Fact]
    public async Task A_photo_sent_to_a_text_question_is_not_downloaded_and_one_sent_to_the_photo_question_is()
    {
        await using var fake = await StartFakeAsync();
        await using var service = new TelegramService(fake);
        await service.StartAsync(FastChat);

        await SayAsync(fake, "halo", "setuju");
        // At the consent question: the flow answers as for unexpected media, nothing is fetched, the reference is kept.
        var early = await SendPhotoAsync(fake, fake.AddFile(Photo), "");
        Assert.Empty(fake.CallsOf("getFile"));
        Assert.Empty(fake.CallsOf("file"));
        Assert.Equal(1L, await service.QueryOneAsync<long>(
            "SELECT count(*) FROM inbound_messages WHERE media_ref = @early AND media_path IS NULL AND processed_at IS NOT NULL", new { early }));

        await SayAllAsync(fake, UpToPhoto.Skip(1), "foto produk");
        Assert.Empty(fake.CallsOf("file"));
        var asked = await SendPhotoAsync(fake, fake.AddFile(Photo), "lokasi");

        Assert.Single(fake.CallsOf("file"));
        var path = await service.QueryOneAsync<string>("SELECT media_path FROM inbound_messages WHERE media_ref = @asked", new { asked });
        Assert.Equal(Photo, await File.ReadAllBytesAsync(path));
        Assert.Equal(path, Assert.Single(Directory.GetFiles(service.MediaPath, "*", SearchOption.AllDirectories)));
    }

    [Fact]
    public async Task A_photo_over_the_per_person_cap_is_refused_politely_the_question_stays_and_skipping_goes_on()
    {
        await using var fake = await StartFakeAsync();
        await using var service = new TelegramService(fake);
        // 10 bytes for one person: the 16-byte photo is downloaded (its size is known only then) but not kept.
        await service.StartAsync([.. FastChat, "--Media:MaxMegabytesPerPerson", (10 / 1048576.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture)]);

        await SayAllAsync(fake, UpToPhoto, "foto produk");
        var refused = await SendPhotoAsync(fake, fake.AddFile(Photo), "tidak bisa kami simpan");

        Assert.Empty(Directory.GetFiles(service.MediaPath, "*", SearchOption.AllDirectories));
        // Nothing is lost: the message is stored with its reference, processed once, at the photo question.
        Assert.Equal("photo", await service.QueryOneAsync<string>(
            "SELECT node_id FROM inbound_messages WHERE media_ref = @refused AND media_path IS NULL AND processed_at IS NOT NULL", new { refused }));
        Assert.Equal("photo", await service.QueryOneAsync<string>("SELECT node_id FROM sessions"));
        await SayAsync(fake, "LEWATI", "lokasi");
    }

    [Fact]
    public async Task When_the_media_folder_is_full_a_wanted_photo_is_refused_without_downloading_it()
    {
        await using var fake = await StartFakeAsync();
        await using var service = new TelegramService(fake);
        Directory.CreateDirectory(service.MediaPath);
        await File.WriteAllBytesAsync(Path.Combine(service.MediaPath, "earlier.jpg"), new byte[2048]);
        await service.StartAsync([.. FastChat, "--Media:MaxFolderMegabytes", "0.001"]);

        await SayAllAsync(fake, UpToPhoto, "foto produk");
        await SendPhotoAsync(fake, fake.AddFile(Photo), "tidak bisa kami simpan");

        Assert.Empty(fake.CallsOf("getFile"));
        Assert.Empty(fake.CallsOf("file"));
        Assert.Equal("photo", await service.QueryOneAsync<string>("SELECT node_id FROM sessions"));
    }

    [Fact]
    public async Task On_WhatsApp_an_image_to_a_text_question_is_not_looked_up_and_a_voice_note_for_the_facilitators_is_downloaded()
    {
        const string person = "6281234500077";
        await using var service = await WhatsAppService.StartAsync();
        service.Graph.AddMedia("917300000001", Photo, "image/jpeg");
        var voice = "OggS fake voice"u8.ToArray();
        service.Graph.AddMedia("917300000002", voice, "audio/ogg");

        await service.SayAsync(person, id => Text(person, id, "halo", DateTimeOffset.UtcNow));
        await service.SayAsync(person, id => Text(person, id, "ya", DateTimeOffset.UtcNow));
        await service.SayAsync(person, id => Message(person, id, DateTimeOffset.UtcNow, "image", new JsonObject
        {
            ["id"] = "917300000001", ["mime_type"] = "image/jpeg", ["sha256"] = "fake",
        }));
        Assert.Equal(0, service.Graph.MediaLookups);
        Assert.Equal(1, service.Count("SELECT count(*) FROM inbound_messages WHERE media_ref = '917300000001' AND media_path IS NULL"));

        // A voice note where text is expected goes to the facilitators, so it is fetched to be forwarded.
        await service.SayAsync(person, id => Message(person, id, DateTimeOffset.UtcNow, "audio", new JsonObject
        {
            ["id"] = "917300000002", ["mime_type"] = "audio/ogg; codecs=opus", ["voice"] = true,
        }));
        Assert.Equal(1, service.Graph.MediaLookups);
        var path = service.Single<string>("SELECT media_path FROM inbound_messages WHERE media_ref = '917300000002'");
        Assert.Equal(voice, await File.ReadAllBytesAsync(path));
    }

    private static readonly string[] FastChat =
    [
        "--Telegram:PerChatMessagesPerSecond", "50", "--Conversations:PerSenderBurst", "1000",
    ];

    private static async Task<FakeTelegramServer> StartFakeAsync()
    {
        var fake = await FakeTelegramServer.StartAsync();
        fake.PerChatPerSecond = 50;
        fake.PerChatBurst = 50;
        return fake;
    }

    /// <summary>Sends a photo as the person; returns its file_id once a reply containing <paramref name="expected"/> came.</summary>
    private static async Task<string> SendPhotoAsync(FakeTelegramServer fake, string fileId, string expected)
    {
        var message = fake.PrivateMessage(Chat);
        message["photo"] = new JsonArray(new JsonObject
        {
            ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId[^6..], ["width"] = 1280, ["height"] = 960, ["file_size"] = Photo.Length,
        });
        await ExpectAsync(fake, () => fake.PushUpdate(new JsonObject { ["message"] = message }), expected);
        return fileId;
    }

    private static Task SayAsync(FakeTelegramServer fake, string text, string expected) =>
        ExpectAsync(fake, () => fake.PushText(Chat, text), expected);

    /// <summary>Sends all lines at once (they are stepped in order) and waits for the reply to the last.</summary>
    private static Task SayAllAsync(FakeTelegramServer fake, IEnumerable<string> lines, string expected) =>
        ExpectAsync(fake, () =>
        {
            foreach (var line in lines)
            {
                fake.PushText(Chat, line);
            }
        }, expected);

    private static Task ExpectAsync(FakeTelegramServer fake, Action push, string expected) =>
        TelegramService.ExpectReplyAsync(fake, Chat, push, expected);
}
