using Microsoft.AspNetCore.Http;

namespace OvopBot.Operations;

/// <summary>
/// Watches every request to <c>/webhooks/{channel}</c> (the path every channel's webhook uses): an HTTP error answer
/// is counted as a refused webhook, an accepted POST is the channel's latest sign of life. Works for any channel
/// without the channel knowing.
/// </summary>
public sealed class WebhookWatch(RequestDelegate next, ChannelActivity activity)
{
    public const string Prefix = "/webhooks";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Path.StartsWithSegments(Prefix, out var rest))
        {
            await next(context);
            return;
        }

        // Only a mapped webhook names a channel: random paths must not invent label values.
        var channel = context.GetEndpoint() is null ? "unknown" : rest.Value!.Trim('/').Split('/')[0];
        try
        {
            await next(context);
        }
        catch
        {
            OvopMetrics.WebhookRefused(channel, StatusCodes.Status500InternalServerError);
            throw;
        }

        var status = context.Response.StatusCode;
        if (status >= 400)
        {
            OvopMetrics.WebhookRefused(channel, status);
        }
        else if (HttpMethods.IsPost(context.Request.Method))
        {
            activity.WebhookAccepted(channel);
        }
    }
}
