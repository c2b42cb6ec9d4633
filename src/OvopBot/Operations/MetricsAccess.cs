using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace OvopBot.Operations;

/// <summary>
/// Who may read <c>/metrics</c>: a request from this machine that no proxy forwarded, or one bearing the configured
/// token. A reverse proxy on the same machine connects from loopback too, so a forwarding header marks the request
/// as coming from outside.
/// </summary>
public static class MetricsAccess
{
    public static bool IsAllowed(HttpContext context, MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.BearerToken) && BearerMatches(context.Request.Headers.Authorization.ToString(), options.BearerToken))
        {
            return true;
        }

        var forwarded = context.Request.Headers.ContainsKey("Forwarded") || context.Request.Headers.ContainsKey("X-Forwarded-For");
        return !forwarded && context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);
    }

    private static bool BearerMatches(string header, string token)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Fixed-time comparison: the time taken says nothing about how much of a guess was right.
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }

    /// <summary>Middleware for the <c>/metrics</c> branch: 401 for everyone else.</summary>
    public static async Task GuardAsync(HttpContext context, MetricsOptions options, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (IsAllowed(context, options))
        {
            await next();
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await context.Response.WriteAsync("metrics are served to this machine, or with Metrics:BearerToken\n");
    }
}
