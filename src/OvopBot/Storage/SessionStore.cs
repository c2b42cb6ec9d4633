using System.Text.Json;
using OvopBot.Flows.Engine;

namespace OvopBot.Storage;

/// <summary>Loads and saves conversation state (table <c>sessions</c>) inside a write transaction.</summary>
public static class SessionStore
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static (SessionState? State, long? SubmissionId) Load(WriteTransaction write, long contactId)
    {
        using var row = write.Prepared("SELECT state_json, submission_id FROM sessions WHERE contact_id = @contactId",
            ("@contactId", contactId)).ExecuteReader();
        return row.Read()
            ? (JsonSerializer.Deserialize<SessionState>(row.GetString(0), Json), row.IsDBNull(1) ? null : row.GetInt64(1))
            : (null, null);
    }

    public static void Save(WriteTransaction write, long contactId, SessionState state, long? submissionId, DateTimeOffset now)
    {
        var time = DbTime.Write(now);
        write.Prepared(
            """
            INSERT INTO sessions (contact_id, flow_id, status, node_id, submission_id, state_json, started_at, updated_at, last_activity_at)
            VALUES (@contactId, @FlowId, @status, @NodeId, @submissionId, @json, @time, @time, @activity)
            ON CONFLICT (contact_id) DO UPDATE SET flow_id = excluded.flow_id, status = excluded.status,
                node_id = excluded.node_id, submission_id = excluded.submission_id, state_json = excluded.state_json,
                updated_at = excluded.updated_at, last_activity_at = excluded.last_activity_at
            """,
            ("@contactId", contactId), ("@FlowId", state.FlowId), ("@status", state.Status.ToString()), ("@NodeId", state.NodeId),
            ("@submissionId", submissionId), ("@json", JsonSerializer.Serialize(state, Json)), ("@time", time),
            ("@activity", state.LastActivityAt is { } a ? DbTime.Write(a) : null)).ExecuteNonQuery();
    }
}
