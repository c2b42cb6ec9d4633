using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Hosting;
using OvopBot.Regions;
using OvopBot.Roles;
using OvopBot.Storage;
using OvopBot.Tests.Fakes;
using OvopBot.Web;

namespace OvopBot.Benchmarks.Web;

/// <summary>
/// The dashboard at the issue's scale: all 83,762 villages of Indonesia in the service area and 100,000 submissions
/// (every village submitted once, 16,238 more drafts), an admin of every province. Each page is fetched
/// <c>--requests</c> times (default 50) over HTTP from the real service after a warm-up; reports render time p50/p95
/// (request sent → last byte received) and the bytes of the HTML.
/// <c>dotnet run -c Release --project tests/OvopBot.Benchmarks -- web [--requests 50]</c>
/// </summary>
public static class WebLoad
{
    public const int Submissions = 100_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = LoadArguments.Count(args, "--requests", 50);
        var catalog = RegionCatalog.Load(RegionCatalog.DefaultDirectory);
        var path = Ensure(Path.Combine(Path.GetTempPath(), "ovopbot-bench", "web-100k.db"), catalog);
        var scope = string.Join(',', catalog.Provinces.Select(p => p.Code));
        await using var fake = await FakeTelegramServer.StartAsync();
        var app = ServiceHost.Build([
            "--Telegram:BotToken", FakeTelegramServer.Token, "--Telegram:ApiBaseUrl", fake.BaseUrl,
            "--Storage:DatabasePath", path, "--Storage:MediaPath", Path.Combine(Path.GetTempPath(), "ovopbot-bench", "media"),
            "--Flows:Path", LoadArguments.FlowsFolder(), "--Regions:Scope", scope, "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning",
            "--Reminders:Enabled", "false",
        ]);
        await app.StartAsync();
        try
        {
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            var admin = new ContactRef("console", "bench-admin");
            var roles = app.Services.GetRequiredService<RoleStore>();
            foreach (var province in catalog.Provinces)
            {
                await roles.GrantAsync(admin, StaffRole.Admin, province.Code, "bench", default, DateTimeOffset.UtcNow);
            }

            var link = await app.Services.GetRequiredService<WebLogin>().CreateLinkAsync((await roles.ContactIdAsync(admin, default))!.Value, default);
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None })
            {
                BaseAddress = new Uri(baseUrl),
            };
            var login = await http.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = link!.Url[(link.Url.LastIndexOf('/') + 1)..] }));
            var cookie = login.Headers.GetValues("Set-Cookie").First().Split(';')[0];

            Console.WriteLine($"{catalog.Villages.Count:N0} villages, {Submissions:N0} submissions, {requests} requests per page after 3 warm-up requests");
            Console.WriteLine($"{"page",-52} {"p50 ms",8} {"p95 ms",8} {"KB",8}");
            foreach (var (name, url) in new[]
            {
                ("progress, all 83,762 villages (38 provinces)", "/admin"),
                ("progress, NTT province (3,442 tiles)", "/admin?region=53"),
                ("progress, Kabupaten Kupang (177 villages, missing list)", "/admin?region=53.01"),
                ("records, page 1 of 100,000", "/admin/records"),
                ("records, page 1,000 sorted by last change", "/admin/records?sort=updated&dir=desc&page=1000"),
                ("records, search \"kopi\" + category + drafts", "/admin/records?q=kopi&category=plantation&status=submitted"),
                ("record page", "/admin/records/4242"),
            })
            {
                await MeasureAsync(http, cookie, name, url, requests);
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        return 0;
    }

    private static async Task MeasureAsync(HttpClient http, string cookie, string name, string url, int requests)
    {
        var times = new List<double>();
        long bytes = 0;
        for (var i = -3; i < requests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Cookie", cookie);
            var clock = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            clock.Stop();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{url}: {response.StatusCode}");
            }

            bytes = body.Length;
            if (i >= 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-52} {Percentile(times, 0.50),8:0.0} {Percentile(times, 0.95),8:0.0} {bytes / 1024.0,8:0.0}"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>Builds the data set once into a file (about a minute) and reuses it; delete the file to build it again.</summary>
    private static string Ensure(string path, RegionCatalog catalog)
    {
        if (File.Exists(path))
        {
            return path;
        }

        var building = path + ".building";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(building);
        using (var database = new SqliteDatabase(building))
        using (var connection = database.Open())
        using (var transaction = connection.BeginTransaction())
        {
            var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
            var villages = catalog.Villages;
            using var contact = connection.CreateCommand();
            contact.CommandText = "INSERT INTO contacts (id, channel, address, phone, display_name, created_at, last_inbound_at) VALUES ($id, 'whatsapp', $address, $phone, $name, $at, $at)";
            using var submission = connection.CreateCommand();
            submission.CommandText = "INSERT INTO submissions (id, contact_id, village_code, village_name, status, reference, revision, answers_json, started_at, submitted_at, updated_at) VALUES ($id, $id, $code, $village, $status, $reference, $revision, $answers, $at, $submitted, $at)";
            var products = new[] { ("Kopi arabika", "plantation"), ("Tenun ikat", "weaving_craft"), ("Madu hutan", "forest_product"), ("Rumput laut", "fishery"), ("Jagung bose", "farming") };
            for (var i = 0; i < Submissions; i++)
            {
                var village = villages[i % villages.Count];
                var submitted = i < villages.Count;
                var at = DbTime.Write(start.AddSeconds(i * 17 % 2_000_000));
                var (product, category) = products[i % products.Length];
                Run(contact, ("$id", i + 1L), ("$address", $"62813{i:D7}"), ("$phone", $"+62813{i:D7}"), ("$name", $"Kepala {village.Name}"), ("$at", at));
                Run(submission, ("$id", i + 1L), ("$code", village.Code), ("$village", village.Name), ("$status", submitted ? "submitted" : "draft"),
                    ("$reference", submitted ? $"OVOP-{RegionCode.Compact(village.Code)}-1" : null), ("$revision", submitted ? 1 : 0),
                    ("$answers", JsonSerializer.Serialize(new Dictionary<string, object>
                    {
                        ["consent"] = true, ["respondent.role"] = "village_head", ["respondent.name"] = $"Kepala {village.Name}",
                        ["product.name"] = $"{product} {village.Name}", ["product.category"] = category, ["support.type"] = "both",
                        ["support.training.topics"] = new[] { "packaging", "digital_marketing" }, ["support.training.participants"] = 10 + i % 20,
                        ["support.funding.amount"] = 5_000_000 + i % 40 * 1_000_000, ["support.funding.purpose"] = "Mesin dan kemasan",
                    })), ("$at", at), ("$submitted", submitted ? at : null));
            }

            transaction.Commit();
        }

        SqliteConnection.ClearAllPools();
        File.Move(building, path);
        return path;
    }

    private static void Run(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }
}
