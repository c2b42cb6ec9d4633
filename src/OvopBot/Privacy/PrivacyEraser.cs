using System.Text.Json.Nodes;
using Dapper;
using OvopBot.Storage;

namespace OvopBot.Privacy;

/// <summary>
/// Erases one person's personal data inside the caller's write transaction (HAPUS DATA in the chat, <c>privacy
/// erase</c> for a request by letter): their roles, name, phone, message texts, media files, the chat exports (any of
/// which may list them), their name in records and history. Village records they answered stay, de-identified
/// (<see cref="ErasedRespondent"/>). The contact row stays without anything personal; its address is blanked by
/// <see cref="FinishErasures"/> once the last message to the person has left. A second erasure is a no-op.
/// </summary>
public static class PrivacyEraser
{
    /// <summary>What a de-identified record says where the respondent's name was.</summary>
    public const string ErasedRespondent = "(responden dihapus)";

    private static readonly string[] PersonalFields = ["respondent.name", "respondent.phone"];
    private static readonly string[] MediaFields = ["photo", "voice"];

    /// <summary>
    /// Erases the person: every contact they have (all their linked channels, <see cref="People.PersonLinks"/>), each
    /// searched for every name and number any of them is known by. False when there was nothing (left) to erase.
    /// </summary>
    public static bool Erase(WriteTransaction write, long contactId, string? exportsFolder, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(write);
        var contacts = write.Connection.Query<(long Id, string Channel, string Address, string? Name, string? Phone)>(
            """
            SELECT id, channel, address, display_name, phone FROM contacts
            WHERE coalesce(person_id, id) = (SELECT coalesce(person_id, id) FROM contacts WHERE id = @contactId) AND erased_at IS NULL
            ORDER BY id
            """, new { contactId }, write.Transaction).ToList();
        if (contacts.Count == 0)
        {
            return false;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var phones = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in contacts)
        {
            Identifiers(write, c.Id, (c.Channel, c.Address, c.Name, c.Phone), names, phones);
        }

        foreach (var c in contacts)
        {
            EraseContact(write, c.Id, $"{c.Channel}:{c.Address}", names, phones, now);
        }

        DeleteChatExports(exportsFolder);
        return true;
    }

    private static void EraseContact(WriteTransaction write, long contactId, string self, HashSet<string> names, HashSet<string> phones,
        DateTimeOffset now)
    {
        var connection = write.Connection;
        var tx = write.Transaction;
        var erasedRef = $"erased-{contactId}";

        // A staff member's roles go first: from now on they are a person like any other, with nothing to see.
        connection.Execute(
            """
            DELETE FROM staff_roles WHERE contact_id = @contactId;
            DELETE FROM staff_dialogs WHERE contact_id = @contactId;
            DELETE FROM submission_editors WHERE contact_id = @contactId;
            UPDATE submissions SET reviewed_by = @erasedRef WHERE reviewed_by = @self;
            UPDATE submission_history SET changed_by = @erasedRef WHERE changed_by = @self;
            UPDATE submission_proposals SET decided_by = @erasedRef WHERE decided_by = @self;
            UPDATE submission_editors SET added_by = @erasedRef WHERE added_by = @self;
            UPDATE broadcasts SET author = @erasedRef WHERE author = @self;
            UPDATE chat_exports SET file_path = NULL WHERE contact_id = @contactId;
            """, new { contactId, self, erasedRef }, tx);

        foreach (var path in connection.Query<string>(
                     "SELECT media_path FROM inbound_messages WHERE contact_id = @contactId AND media_path IS NOT NULL", new { contactId }, tx))
        {
            DeleteFile(path);
        }

        connection.Execute(
            """
            UPDATE inbound_messages SET text = NULL, choice_id = NULL, media_ref = NULL, media_path = NULL, phone = NULL,
                   latitude = NULL, longitude = NULL, external_id = 'erased-' || id
            WHERE contact_id = @contactId;
            UPDATE outbound_messages SET text = '', payload_json = '{}' WHERE contact_id = @contactId AND status <> 'pending';
            """, new { contactId }, tx);
        // Staff lists and notices to others (BELUM, "X asks about…") named the person too. One pass over the sent
        // messages for all the person's names and numbers: the scan runs inside the write lock and grows with the
        // outbox (a pass per identifier made an erasure at ~70,000 rows hold everyone up for 3.7 s in the fuzz run).
        var identifiers = names.Concat(phones).Where(i => i.Length >= 4).ToList();
        if (identifiers.Count > 0)
        {
            var parameters = new DynamicParameters();
            var tests = identifiers.Select((identifier, i) =>
            {
                parameters.Add($"i{i}", identifier);
                return $"instr(text, @i{i}) > 0 OR instr(payload_json, @i{i}) > 0";
            });
            connection.Execute(
                $"UPDATE outbound_messages SET text = '', payload_json = '{{}}' WHERE status <> 'pending' AND ({string.Join(" OR ", tests)})",
                parameters, tx);
        }

        // Drafts are not village records yet: they go. Submitted records stay, de-identified.
        connection.Execute(
            """
            UPDATE sessions SET submission_id = NULL
            WHERE submission_id IN (SELECT id FROM submissions WHERE contact_id = @contactId AND status = 'draft');
            DELETE FROM submissions WHERE contact_id = @contactId AND status = 'draft'
              AND NOT EXISTS (SELECT 1 FROM submission_proposals p WHERE p.submission_id = submissions.id)
              AND NOT EXISTS (SELECT 1 FROM submission_history h WHERE h.submission_id = submissions.id);
            DELETE FROM submission_proposals WHERE contact_id = @contactId;
            DELETE FROM sessions WHERE contact_id = @contactId;
            DELETE FROM link_requests WHERE from_contact = @contactId OR to_contact = @contactId;
            DELETE FROM link_dialogs WHERE contact_id = @contactId;
            """, new { contactId }, tx);
        DeIdentify(write, "submissions", "contact_id = @contactId", contactId, names, phones);
        DeIdentify(write, "submission_history", "contact_id = @contactId", contactId, names, phones);
        DeIdentify(write, "submission_proposals", "0", contactId, names, phones);

        connection.Execute(
            "UPDATE contacts SET display_name = NULL, phone = NULL, erased_at = @now WHERE id = @contactId",
            new { contactId, now = DbTime.Write(now) }, tx);
    }

    /// <summary>
    /// After a "no" to consent: only what is needed to remember the no stays (the consent row, the session that
    /// says declined); the texts the person sent, their name and number, and any draft go.
    /// </summary>
    public static void ForgetDeclined(WriteTransaction write, long contactId)
    {
        ArgumentNullException.ThrowIfNull(write);
        write.Connection.Execute(
            """
            UPDATE inbound_messages SET text = NULL, choice_id = NULL, phone = NULL WHERE contact_id = @contactId;
            UPDATE contacts SET display_name = NULL, phone = NULL WHERE id = @contactId;
            UPDATE sessions SET submission_id = NULL
            WHERE (contact_id = @contactId AND submission_id IN (SELECT id FROM submissions WHERE status = 'draft'))
               -- one person across channels: the draft this contact made may sit in the session of the person's first contact
               OR submission_id IN (SELECT id FROM submissions WHERE contact_id = @contactId AND status = 'draft');
            DELETE FROM submissions WHERE contact_id = @contactId AND status = 'draft'
              AND NOT EXISTS (SELECT 1 FROM submission_history h WHERE h.submission_id = submissions.id);
            """, new { contactId }, write.Transaction);
    }

    /// <summary>
    /// Blanks the address of erased people whose last message has left (the address is a WhatsApp number); returns how
    /// many. Until then the row keeps it only so the "your data is erased" reply can be delivered.
    /// </summary>
    public static int FinishErasures(WriteTransaction write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var done = write.Connection.Query<long>(
            """
            SELECT id FROM contacts c WHERE erased_at IS NOT NULL AND address NOT LIKE 'erased-%'
              AND NOT EXISTS (SELECT 1 FROM outbound_messages o WHERE o.contact_id = c.id AND o.status = 'pending')
            """, transaction: write.Transaction).ToList();
        foreach (var contactId in done)
        {
            write.Connection.Execute(
                """
                UPDATE outbound_messages SET address = '', text = '', payload_json = '{}', platform_message_id = NULL, last_error = NULL
                WHERE contact_id = @contactId;
                UPDATE contacts SET address = 'erased-' || id WHERE id = @contactId;
                """, new { contactId }, write.Transaction);
        }

        return done.Count;
    }

    /// <summary>Every name and phone number the person is known by, to find them in records and messages.</summary>
    private static void Identifiers(WriteTransaction write, long contactId, (string Channel, string Address, string? Name, string? Phone) contact,
        HashSet<string> names, HashSet<string> phones)
    {
        AddName(names, contact.Name);
        AddPhone(phones, contact.Phone);
        // WhatsApp and SMS address a person by their phone number.
        if (contact.Channel is "whatsapp" or "sms")
        {
            AddPhone(phones, contact.Address);
        }

        var jsons = write.Connection.Query<string>(
            """
            SELECT answers_json FROM submissions WHERE contact_id = @contactId
            UNION ALL SELECT answers_json FROM submission_history WHERE contact_id = @contactId
            UNION ALL SELECT answers_json FROM submission_proposals WHERE contact_id = @contactId
            UNION ALL SELECT state_json FROM sessions WHERE contact_id = @contactId
            """, new { contactId }, write.Transaction);
        foreach (var json in jsons)
        {
            var node = JsonNode.Parse(json);
            var answers = node?["answers"] ?? node;
            AddName(names, answers?["respondent.name"]?.ToString());
            AddPhone(phones, answers?["respondent.phone"]?.ToString());
            AddPhone(phones, node?["channelPhone"]?.ToString());
        }

        foreach (var phone in write.Connection.Query<string>(
                     "SELECT DISTINCT phone FROM inbound_messages WHERE contact_id = @contactId AND phone IS NOT NULL", new { contactId }, write.Transaction))
        {
            AddPhone(phones, phone);
        }
    }

    private static void AddName(HashSet<string> names, string? name)
    {
        if (!string.IsNullOrWhiteSpace(name) && name != ErasedRespondent)
        {
            names.Add(name.Trim());
        }
    }

    /// <summary>A number as stored (+62812…) and as people write it (0812…, 62812…).</summary>
    private static void AddPhone(HashSet<string> phones, string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 8)
        {
            return;
        }

        var national = digits.StartsWith("62", StringComparison.Ordinal) ? digits[2..] : digits.TrimStart('0');
        phones.UnionWith([phone!.Trim(), digits, "+62" + national, "62" + national, "0" + national]);
    }

    /// <summary>Replaces the person's name and phone in the answers of the table's matching rows.</summary>
    private static void DeIdentify(WriteTransaction write, string table, string ownRows, long contactId, HashSet<string> names, HashSet<string> phones)
    {
        var rows = write.Connection.Query<(long Id, long ContactId, string Json)>(
            $"SELECT id, contact_id, answers_json FROM {table} WHERE {ownRows} OR instr(answers_json, @marker) > 0",
            new { contactId, marker = "respondent." }, write.Transaction).ToList();
        foreach (var row in rows)
        {
            var answers = JsonNode.Parse(row.Json) as JsonObject;
            if (answers is null)
            {
                continue;
            }

            var theirs = row.ContactId == contactId || names.Contains(answers["respondent.name"]?.ToString() ?? "\u0000")
                         || phones.Contains(answers["respondent.phone"]?.ToString() ?? "\u0000");
            if (!theirs)
            {
                continue;
            }

            foreach (var field in PersonalFields.Where(answers.ContainsKey))
            {
                answers[field] = field == "respondent.name" ? ErasedRespondent : null;
            }

            foreach (var field in MediaFields.Where(answers.ContainsKey))
            {
                if (answers[field]?["path"]?.ToString() is { } path)
                {
                    DeleteFile(path);
                }

                answers[field] = null;
            }

            write.Connection.Execute($"UPDATE {table} SET answers_json = @json WHERE id = @id",
                new { id = row.Id, json = answers.ToJsonString() }, write.Transaction);
        }
    }

    /// <summary>Chat exports are made again on request; any of them may list the person, so none is kept.</summary>
    private static void DeleteChatExports(string? folder)
    {
        if (folder is null || !Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder))
        {
            File.Delete(file);
        }
    }

    private static void DeleteFile(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
