using Microsoft.AspNetCore.Http;

namespace OvopBot.Tests.Fakes;

/// <summary>Media endpoints of the fake: upload, lookup (id → short-lived URL) and download.</summary>
public sealed partial class FakeGraphApiServer
{
    private async Task<IResult> HandleUploadAsync(HttpRequest request)
    {
        if (Authorized(request) is { } denied)
        {
            return denied;
        }

        var form = await request.ReadFormAsync();
        var file = form.Files["file"];
        if (file is null || form["messaging_product"] != "whatsapp")
        {
            return Error(400, 100, "file and messaging_product are required");
        }

        using var copy = new MemoryStream();
        await file.CopyToAsync(copy);
        Uploads.Enqueue((file.FileName, form["type"].ToString(), copy.ToArray()));
        var id = $"upl{Interlocked.Increment(ref _nextId)}";
        AddMedia(id, copy.ToArray(), form["type"].ToString());
        return Results.Json(new { id });
    }

    private IResult LookupMedia(string mediaId)
    {
        Interlocked.Increment(ref _mediaLookups);
        if (!_media.TryGetValue(mediaId, out var media))
        {
            return Error(404, 100, "Unsupported get request. Object does not exist");
        }

        return Results.Json(new
        {
            messaging_product = "whatsapp",
            url = new Uri(Root, $"lookaside/{mediaId}?ext=1&hash=x").ToString(),
            mime_type = media.Mime,
            sha256 = "",
            file_size = ReportedMediaSize ?? media.Bytes.Length,
            id = mediaId,
        });
    }

    private IResult Download(string mediaId)
    {
        if (Interlocked.Decrement(ref _expireDownloads) >= 0)
        {
            return Results.NotFound();
        }

        Interlocked.Exchange(ref _expireDownloads, 0);
        return _media.TryGetValue(mediaId, out var media)
            ? Results.Bytes(media.Bytes, media.Mime)
            : Results.NotFound();
    }
}
