using System.Data;
using Dapper;
using OvopBot.Flows.Engine;
using OvopBot.Storage;

namespace OvopBot.Privacy;

/// <summary>Reads what is stored about one person (DATA SAYA, <c>privacy show</c>): contact, latest consent, records, counts.</summary>
public static class PersonalDataQuery
{
    public static PersonalData? Load(IDbConnection connection, IDbTransaction? transaction, long contactId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var contact = connection.QuerySingleOrDefault<(string Channel, string Address, string? Name, string? Phone)?>(
            "SELECT channel, address, display_name, phone FROM contacts WHERE id = @contactId AND erased_at IS NULL", new { contactId }, transaction);
        if (contact is not { } c)
        {
            return null;
        }

        var consent = connection.QuerySingleOrDefault<(bool Given, string At, string Version)?>(
            "SELECT given, at, text_version FROM consents WHERE contact_id = @contactId ORDER BY id DESC LIMIT 1", new { contactId }, transaction);
        var records = connection.Query<(string? Village, string? Reference, string Status, string Json)>(
            """
            SELECT village_name, reference, status, answers_json FROM submissions WHERE contact_id = @contactId ORDER BY id
            """, new { contactId }, transaction)
            .Select(r => new PersonalRecord(r.Village, r.Reference, r.Status, SubmissionStore.Deserialize(r.Json)))
            .ToList();
        var counts = connection.QuerySingle<(int Messages, int Media, int Proposals)>(
            """
            SELECT (SELECT count(*) FROM inbound_messages WHERE contact_id = @contactId AND (text IS NOT NULL OR media_path IS NOT NULL)),
                   (SELECT count(*) FROM inbound_messages WHERE contact_id = @contactId AND media_path IS NOT NULL),
                   (SELECT count(*) FROM submission_proposals WHERE contact_id = @contactId)
            """, new { contactId }, transaction);
        return new PersonalData(c.Channel, c.Address, c.Name, c.Phone, consent?.Given, consent is { } g ? DbTime.Read(g.At) : null, consent?.Version,
            records, counts.Messages, counts.Media, counts.Proposals);
    }
}
