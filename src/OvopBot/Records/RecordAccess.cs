using System.Data;
using Dapper;
using OvopBot.Storage;

namespace OvopBot.Records;

/// <summary>
/// Who may change a village's record: the respondent who submitted it, and people a facilitator attached to it (the
/// village secretary, say). Anyone else may only propose a change, which the area's facilitator decides.
/// </summary>
public static class RecordAccess
{
    public static bool MayUpdate(IDbConnection connection, IDbTransaction? transaction, long submissionId, long contactId) =>
        connection.ExecuteScalar<bool>(
            """
            SELECT EXISTS (SELECT 1 FROM submissions WHERE id = @submissionId AND contact_id = @contactId)
                OR EXISTS (SELECT 1 FROM submission_editors WHERE submission_id = @submissionId AND contact_id = @contactId)
            """,
            new { submissionId, contactId }, transaction);

    /// <summary>Attaches a person to a record so they may update it; false when they already were.</summary>
    public static bool Attach(WriteTransaction write, long submissionId, long contactId, string addedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(write);
        return write.Connection.Execute(
            """
            INSERT INTO submission_editors (submission_id, contact_id, added_by, added_at) VALUES (@submissionId, @contactId, @addedBy, @now)
            ON CONFLICT DO NOTHING
            """,
            new { submissionId, contactId, addedBy, now = DbTime.Write(now) }, write.Transaction) == 1;
    }
}
