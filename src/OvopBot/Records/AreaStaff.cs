using Dapper;
using OvopBot.Storage;

namespace OvopBot.Records;

/// <summary>The people to tell about a village's record: its area's facilitators, or, when it has none, its admins.</summary>
public static class AreaStaff
{
    public static IReadOnlyList<long> Of(WriteTransaction write, string villageCode)
    {
        ArgumentNullException.ThrowIfNull(write);
        var rows = write.Connection.Query<(long ContactId, string Role)>(
            """
            SELECT DISTINCT r.contact_id, r.role FROM staff_roles r JOIN contacts c ON c.id = r.contact_id
            WHERE (@villageCode = r.region_code OR @villageCode LIKE r.region_code || '.%') AND c.erased_at IS NULL
            ORDER BY r.contact_id
            """,
            new { villageCode }, write.Transaction).ToList();
        var facilitators = rows.Where(r => r.Role == "facilitator").Select(r => r.ContactId).Distinct().ToList();
        return facilitators.Count > 0 ? facilitators : rows.Select(r => r.ContactId).Distinct().ToList();
    }
}
