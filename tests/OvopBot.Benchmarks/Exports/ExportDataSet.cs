using System.Text.Json;
using Microsoft.Data.Sqlite;
using OvopBot.Regions;
using OvopBot.Storage;

namespace OvopBot.Benchmarks.Exports;

/// <summary>
/// A database at the scale: one submitted village for each of Indonesia's 83,762 villages (a contact, a
/// session and full answers each) and 1,000,000 messages spread over them, half in, half out. Built once into a
/// file and reused (it takes a minute); delete the file to build it again.
/// </summary>
public static class ExportDataSet
{
    public const int Messages = 1_000_000;

    public static string DefaultPath => Path.Combine(Path.GetTempPath(), "ovopbot-bench", "exports-1m.db");

    public static string Ensure(string path) =>
        BenchmarkDatabase.Ensure(path, connection => Fill(connection, RegionCatalog.Load(RegionCatalog.DefaultDirectory)));

    private static void Fill(SqliteConnection connection, RegionCatalog catalog)
    {
        using var transaction = connection.BeginTransaction();
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var villages = catalog.Villages;
        using var contact = Command(connection, "INSERT INTO contacts (id, channel, address, phone, display_name, created_at, last_inbound_at) VALUES ($1, 'whatsapp', $2, $3, $4, $5, $5)");
        using var submission = Command(connection, "INSERT INTO submissions (id, contact_id, village_code, village_name, status, reference, revision, answers_json, started_at, submitted_at, updated_at) VALUES ($1, $1, $2, $3, 'submitted', $4, 1, $5, $6, $6, $6)");
        using var session = Command(connection, "INSERT INTO sessions (contact_id, flow_id, status, submission_id, state_json, started_at, updated_at) VALUES ($1, 'ovop-registration', 'Submitted', $1, '{}', $2, $2)");
        for (var i = 0; i < villages.Count; i++)
        {
            var village = villages[i];
            var id = i + 1L;
            var time = DbTime.Write(start.AddSeconds(i * 20));
            Run(contact, id, $"62812{id:D7}", $"+62812{id:D7}", $"Kepala {village.Name}", time);
            Run(submission, id, village.Code, village.Name, $"OVOP-{RegionCode.Compact(village.Code)}-1", Answers(village, i), time);
            Run(session, id, time);
        }

        using var inbound = Command(connection, "INSERT INTO inbound_messages (channel, external_id, contact_id, kind, text, received_at, processed_at, node_id) VALUES ('whatsapp', $1, $2, 'Text', $3, $4, $4, 'product_name')");
        using var outbound = Command(connection, "INSERT INTO outbound_messages (contact_id, channel, address, kind, text, payload_json, node_id, status, next_attempt_at, created_at) VALUES ($1, 'whatsapp', $2, 0, $3, '{}', 'product_category', 'sent', $4, $4)");
        for (var m = 0; m < Messages; m++)
        {
            var person = m / 2 % villages.Count + 1L;
            var time = DbTime.Write(start.AddMilliseconds(m * 1500L));
            if (m % 2 == 0)
            {
                Run(inbound, $"wamid.{m}", person, m % 10 == 0 ? "Kopi sangrai dari kebun warga, dijual di pasar Oelamasi." : "1", time);
            }
            else
            {
                Run(outbound, person, $"62812{person:D7}", "Produk ini termasuk jenis apa?\n1. Pertanian\n2. Perkebunan\n3. Peternakan\nBalas dengan angka.", time);
            }
        }

        transaction.Commit();
    }

    private static string Answers(Village village, int i) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["consent"] = true,
        ["respondent.role"] = "village_head",
        ["respondent.name"] = $"Kepala {village.Name}",
        ["respondent.phone"] = $"+62812{i:D7}",
        ["village"] = new { code = village.Code, name = village.Name },
        ["product.name"] = "Kopi Arabika",
        ["product.category"] = "plantation",
        ["product.stage"] = "sold_locally",
        ["product.description"] = "Kopi sangrai dari kebun warga, dijual di pasar.",
        ["resources.raw_material"] = "Biji kopi",
        ["resources.raw_material_source"] = "own_village",
        ["resources.availability"] = "seasonal",
        ["resources.season_months"] = new[] { 6, 7, 8 },
        ["resources.capacity_unit"] = "kg",
        ["resources.capacity_per_month"] = 1500,
        ["resources.producers"] = 40,
        ["resources.producers_women"] = 25,
        ["resources.manager"] = "bumdes",
        ["resources.bpjs_workers"] = null,
        ["challenges"] = new[] { "packaging", "marketing", "capital" },
        ["support.type"] = "both",
        ["support.training.topics"] = new[] { "production", "digital_marketing" },
        ["support.training.participants"] = 20,
        ["support.funding.amount"] = 25_000_000,
        ["support.funding.purpose"] = "Mesin sangrai dan kemasan",
        ["location"] = new { lat = -10.1772, lon = 123.607 },
    });

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var count = sql.Count(c => c == '$');
        for (var i = 1; i <= count; i++)
        {
            if (sql.Contains($"${i}", StringComparison.Ordinal))
            {
                command.Parameters.Add(new SqliteParameter($"${i}", null));
            }
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }
}
