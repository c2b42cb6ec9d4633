using System.Data;
using Dapper;
using OvopBot.Flows.Engine;
using OvopBot.Storage;

namespace OvopBot.Privacy;

/// <summary>
/// Reads what is stored about one person (DATA SAYA, <c>privacy show</c>) over all their linked channels: contacts,
/// latest consent, records, counts.
/// </summary>
public static class PersonalDataQuery
{
    public static PersonalData? Load(IDbConnection connection, IDbTransaction? transaction, long contactId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // Every contact of the person (their linked channels), the one asking first.
        var contacts = connection.Query<(long Id, string Channel, string Address, string? Name, string? Phone)>(
            """
            SELECT id, channel, address, display_name, phone FROM contacts
            WHERE coalesce(person_id, id) = (SELECT coalesce(person_id, id) FROM contacts WHERE id = @contactId) AND erased_at IS NULL
            ORDER BY id <> @contactId, id
            """, new { contactId }, transaction).ToList();
        if (contacts.Count == 0 || contacts[0].Id != contactId)
        {
            return null;
        }

        var ids = contacts.Select(c => c.Id).ToList();
        var consent = connection.QuerySingleOrDefault<(bool Given, string At, string Version)?>(
            "SELECT given, at, text_version FROM consents WHERE contact_id IN @ids ORDER BY at DESC, id DESC LIMIT 1", new { ids }, transaction);
        var records = connection.Query<(string? Village, string? Reference, string Status, string Json)>(
            """
            SELECT village_name, reference, status, answers_json FROM submissions WHERE contact_id IN @ids ORDER BY id
            """, new { ids }, transaction)
            .Select(r => new PersonalRecord(r.Village, r.Reference, r.Status, SubmissionStore.Deserialize(r.Json)))
            .ToList();
        var counts = connection.QuerySingle<(int Messages, int Media, int Proposals)>(
            """
            SELECT (SELECT count(*) FROM inbound_messages WHERE contact_id IN @ids AND (text IS NOT NULL OR media_path IS NOT NULL)),
                   (SELECT count(*) FROM inbound_messages WHERE contact_id IN @ids AND media_path IS NOT NULL),
                   (SELECT count(*) FROM submission_proposals WHERE contact_id IN @ids)
            """, new { ids }, transaction);
        var c = contacts[0];
        return new PersonalData(c.Channel, c.Address, c.Name, c.Phone, consent?.Given, consent is { } g ? DbTime.Read(g.At) : null, consent?.Version,
            records, counts.Messages, counts.Media, counts.Proposals,
            contacts.Skip(1).Select(o => new PersonalContact(o.Channel, o.Address, o.Name, o.Phone)).ToList());
    }
}
