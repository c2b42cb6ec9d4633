using Microsoft.AspNetCore.Http;
using OvopBot.Storage;

namespace OvopBot.Hosting;

/// <summary><c>GET /healthz</c>: 200 "ok" when the database answers, 503 otherwise.</summary>
public static class HealthCheck
{
    public static IResult Run(SqliteDatabase database)
    {
        try
        {
            using var connection = database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM inbound_messages WHERE processed_at IS NULL";
            var backlog = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            return Results.Ok(new { status = "ok", unprocessedInbound = backlog });
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            return Results.Json(new { status = "unavailable", error = e.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
