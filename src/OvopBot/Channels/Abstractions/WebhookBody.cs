using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OvopBot.Channels.Abstractions;

/// <summary>Reads a webhook's raw body (signatures are over the exact bytes) up to a cap of the channel's choosing.</summary>
public static class WebhookBody
{
    /// <summary>The body, or null when it is larger than <paramref name="max"/> bytes.</summary>
    public static async Task<byte[]?> ReadCappedAsync(HttpRequest request, long max, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > max)
        {
            return null;
        }

        // Our own cap decides; Kestrel's default (30 MB) must not answer first with a different status.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + 1;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
