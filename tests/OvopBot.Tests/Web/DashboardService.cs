using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OvopBot.Regions;
using OvopBot.Roles;
using OvopBot.Storage;
using OvopBot.Tests.Channels.Telegram.EndToEnd;
using OvopBot.Tests.Fakes;
using OvopBot.Tests.TestSupport;
using OvopBot.Web;

namespace OvopBot.Tests.Web;

/// <summary>
/// The real service (web host, workers, Telegram against the fake Bot API, SQLite file) with the villages of a
/// small NTT programme: Kabupaten Kupang's first villages (some submitted, some in progress, one product named like
/// a script, one like a spreadsheet formula, one with a photo and a location, one updated once) and a few in Belu.
/// A Kupang facilitator and a province admin have roles.
/// </summary>
public sealed class DashboardService : IAsyncLifetime
{
    public const long KupangFacilitator = 9001;
    public const long ProvinceAdmin = 9002;
    public const long BeluFacilitator = 9003;
    public const string ScriptProduct = "<script>alert(1)</script>";
    public const string FormulaProduct = "=HYPERLINK(\"http://evil.example\",\"klik\")";

    private FakeTelegramServer? _fake;
    private TelegramService? _service;

    public FakeTelegramServer Fake => _fake!;

    public TelegramService Service => _service!;

    public string BaseUrl => Service.BaseUrl.TrimEnd('/');

    public RegionCatalog Catalog { get; } = RegionCatalog.Load(RepoPaths.Wilayah);

    /// <summary>Telegram chat ids of the Kupang villagers, in village order.</summary>
    public IReadOnlyList<long> KupangPeople { get; private set; } = [];

    /// <summary>Record ids of the Kupang villages, in the order of <see cref="KupangPeople"/> (the first 10 submitted).</summary>
    public IReadOnlyList<long> KupangRecords { get; private set; } = [];

    /// <summary>Record id of a submitted Belu village (outside the Kupang facilitator's scope).</summary>
    public long BeluRecord { get; private set; }

    public long BeluPerson { get; private set; }

    /// <summary>Record id of the Kupang village with photo, location and two revisions.</summary>
    public long PhotoRecord { get; private set; }

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegramServer.StartAsync();
        _service = new TelegramService(_fake);
        await _service.StartAsync();
        foreach (var chat in new[] { KupangFacilitator, ProvinceAdmin, BeluFacilitator })
        {
            _fake.AddChat(chat);
        }

        await SeedAsync();
    }

    private async Task SeedAsync()
    {
        using var database = new SqliteDatabase(Service.DatabasePath);
        var now = DateTimeOffset.UtcNow;
        var roles = new RoleStore(database);
        await roles.GrantAsync(new ContactRef("telegram", KupangFacilitator.ToString(System.Globalization.CultureInfo.InvariantCulture)), StaffRole.Facilitator, "53.01", "test", default, now);
        await roles.GrantAsync(new ContactRef("telegram", ProvinceAdmin.ToString(System.Globalization.CultureInfo.InvariantCulture)), StaffRole.Admin, "53", "test", default, now);
        await roles.GrantAsync(new ContactRef("telegram", BeluFacilitator.ToString(System.Globalization.CultureInfo.InvariantCulture)), StaffRole.Facilitator, "53.04", "test", default, now);

        Directory.CreateDirectory(Service.MediaPath);
        var photo = Path.Combine(Service.MediaPath, "photo-1.png");
        await File.WriteAllBytesAsync(photo, Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));

        var people = new List<long>();
        var records = new List<long>();
        using var write = await database.BeginWriteAsync(default);
        var kupang = Catalog.VillagesOf("53.01").Take(14).ToList();
        for (var i = 0; i < kupang.Count; i++)
        {
            var chat = 1001 + i;
            people.Add(chat);
            _fake!.AddChat(chat);
            var product = i switch
            {
                1 => ScriptProduct,
                2 => FormulaProduct,
                _ => i % 3 == 0 ? "Kopi Arabika" : "Tenun ikat",
            };
            var answers = Answers(kupang[i], $"Bapak Desa {i}", product, i % 2 == 0 ? "plantation" : "weaving_craft", i % 3 == 0 ? "both" : "training",
                i == 0 ? photo : null);
            var status = i < 10 ? "submitted" : "draft";
            var id = Insert(write, "telegram", chat, $"+62812000{i:D4}", kupang[i], answers, status, now.AddMinutes(-i));
            records.Add(id);
            if (i == 0)
            {
                PhotoRecord = id;
                var first = (JsonObject)answers.DeepClone();
                first["product.name"] = "Kopi";
                History(write, id, 1, first, now.AddDays(-2));
                History(write, id, 2, answers, now.AddDays(-1));
                write.Connection.Execute("UPDATE submissions SET revision = 2 WHERE id = @id", new { id }, write.Transaction);
            }
            else if (status == "submitted")
            {
                History(write, id, 1, answers, now.AddDays(-1));
            }
        }

        foreach (var (village, i) in Catalog.VillagesOf("53.04").Take(3).Select((v, i) => (v, i)))
        {
            var chat = 2001 + i;
            _fake!.AddChat(chat);
            var id = Insert(write, "telegram", chat, null, village, Answers(village, $"Ibu Belu {i}", "Madu hutan Belu", "forest_product", "funding", null), "submitted", now);
            History(write, id, 1, Answers(village, $"Ibu Belu {i}", "Madu hutan Belu", "forest_product", "funding", null), now);
            if (i == 0)
            {
                BeluRecord = id;
                BeluPerson = write.Connection.ExecuteScalar<long>("SELECT contact_id FROM submissions WHERE id = @id", new { id }, write.Transaction);
            }
        }

        write.Commit();
        KupangPeople = people;
        KupangRecords = records;
    }

    private static JsonObject Answers(Village village, string name, string product, string category, string support, string? photo)
    {
        var answers = new JsonObject
        {
            ["consent"] = true,
            ["respondent.role"] = "village_head",
            ["respondent.name"] = name,
            ["village"] = new JsonObject { ["code"] = village.Code, ["name"] = village.Name },
            ["product.name"] = product,
            ["product.category"] = category,
            ["support.type"] = support,
        };
        if (support is "training" or "both")
        {
            answers["support.training.topics"] = new JsonArray("packaging", "digital_marketing");
            answers["support.training.participants"] = 12;
        }

        if (support is "funding" or "both")
        {
            answers["support.funding.amount"] = 25_000_000;
            answers["support.funding.purpose"] = "Mesin sangrai";
        }

        if (photo is not null)
        {
            answers["photo"] = new JsonObject { ["path"] = photo, ["ref"] = "file-1" };
            answers["location"] = new JsonObject { ["lat"] = -10.1772, ["lon"] = 123.6070 };
        }

        return answers;
    }

    private static long Insert(WriteTransaction write, string channel, long chat, string? phone, Village village, JsonObject answers, string status, DateTimeOffset at)
    {
        var contact = write.Connection.ExecuteScalar<long>(
            "INSERT INTO contacts (channel, address, phone, display_name, created_at, last_inbound_at) VALUES (@channel, @address, @phone, @name, @at, @at) RETURNING id",
            new { channel, address = chat.ToString(System.Globalization.CultureInfo.InvariantCulture), phone, name = (string?)answers["respondent.name"], at = DbTime.Write(at) }, write.Transaction);
        return write.Connection.ExecuteScalar<long>(
            """
            INSERT INTO submissions (contact_id, village_code, village_name, status, reference, revision, answers_json, started_at, submitted_at, updated_at, review_state)
            VALUES (@contact, @code, @name, @status, @reference, @revision, @answers, @at, @submitted, @at, @review) RETURNING id
            """,
            new
            {
                contact, code = village.Code, name = village.Name, status, reference = status == "submitted" ? "OVOP-" + village.Code.Replace(".", "", StringComparison.Ordinal) : null,
                revision = status == "submitted" ? 1 : 0, answers = answers.ToJsonString(), review = status == "submitted" ? "submitted" : null, at = DbTime.Write(at), submitted = status == "submitted" ? DbTime.Write(at) : null,
            }, write.Transaction);
    }

    private static void History(WriteTransaction write, long id, int revision, JsonObject answers, DateTimeOffset at) =>
        write.Connection.Execute(
            "INSERT INTO submission_history (submission_id, revision, contact_id, answers_json, changed_at) SELECT id, @revision, contact_id, @answers, @at FROM submissions WHERE id = @id",
            new { id, revision, answers = answers.ToJsonString(), at = DbTime.Write(at) }, write.Transaction);

    /// <summary>The contact id of a Telegram chat the service has seen.</summary>
    public async Task<long> ContactIdAsync(long chat)
    {
        using var database = new SqliteDatabase(Service.DatabasePath);
        return (await new RoleStore(database).ContactIdAsync(new ContactRef("telegram", chat.ToString(System.Globalization.CultureInfo.InvariantCulture)), default))!.Value;
    }

    /// <summary>A login link for the person as the chat would make it, at the given time (the past, for an expired link).</summary>
    public async Task<string> LinkAsync(long chat, DateTimeOffset? madeAt = null)
    {
        var id = await ContactIdAsync(chat);
        using var database = new SqliteDatabase(Service.DatabasePath);
        var roles = new RoleStore(database);
        var time = new ManualTimeProvider(madeAt ?? DateTimeOffset.UtcNow);
        var login = new WebLogin(database, roles, Options.Create(new WebOptions { PublicUrl = BaseUrl }),
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), time, new ServiceCollection().BuildServiceProvider());
        return (await login.CreateLinkAsync(id, default))!.Url;
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        if (_fake is not null)
        {
            await _fake.DisposeAsync();
        }
    }
}
