using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OvopBot.Tests.Fakes;

/// <summary>Files people sent: getFile (with Telegram's 20 MB refusal) and the download URL.</summary>
public sealed partial class FakeTelegramServer
{
    private readonly Dictionary<string, (string UniqueId, string Path, byte[] Content, bool ReportSize)> _files = [];
    private readonly Dictionary<string, (byte[] Content, bool ReportSize)> _filesByPath = new(StringComparer.Ordinal);
    private int _nextFile = 1;

    /// <summary>Largest file getFile lets a bot download (Telegram: 20 MB).</summary>
    public long DownloadLimit { get; set; } = 20L * 1024 * 1024;

    /// <summary>
    /// Stores a file a person "sent" and returns its file_id. With <paramref name="reportSize"/> false getFile
    /// leaves out file_size, as Telegram may, so only the download itself reveals the size.
    /// </summary>
    public string AddFile(byte[] content, string extension = ".jpg", bool reportSize = true)
    {
        lock (_gate)
        {
            var n = _nextFile++;
            var fileId = $"AgACAgIAAxkBAAM{n.ToString(CultureInfo.InvariantCulture)}";
            var path = $"photos/file_{n.ToString(CultureInfo.InvariantCulture)}{extension}";
            _files[fileId] = ($"AQADk7cxG{n.ToString(CultureInfo.InvariantCulture)}", path, content, reportSize);
            _filesByPath[path] = (content, reportSize);
            return fileId;
        }
    }

    private Task GetFileAsync(HttpContext context, JsonObject parameters)
    {
        var fileId = FakeTelegramParameters.String(parameters, "file_id") ?? "";
        lock (_gate)
        {
            if (!_files.TryGetValue(fileId, out var file))
            {
                return ErrorAsync(context, 400, "Bad Request: invalid file_id");
            }

            if (file.Content.Length > DownloadLimit)
            {
                return ErrorAsync(context, 400, "Bad Request: file is too big");
            }

            var result = new JsonObject
            {
                ["file_id"] = fileId, ["file_unique_id"] = file.UniqueId, ["file_path"] = file.Path,
            };
            if (file.ReportSize)
            {
                result["file_size"] = file.Content.Length;
            }

            return OkAsync(context, result);
        }
    }

    private async Task HandleFileAsync(HttpContext context)
    {
        var token = (string)context.Request.RouteValues["token"]!;
        var path = (string)context.Request.RouteValues["path"]!;
        (byte[] Content, bool ReportSize) file;
        bool found;
        lock (_gate)
        {
            _calls.Add(new FakeTelegramCall("file", token, new JsonObject { ["path"] = path }, null));
            found = _filesByPath.TryGetValue(path, out file) && token == Token;
        }

        if (!found)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // A file whose size getFile did not report is also sent chunked, so only counting bytes reveals its size.
        context.Response.ContentType = "application/octet-stream";
        if (file.ReportSize)
        {
            context.Response.ContentLength = file.Content.Length;
        }

        await context.Response.Body.WriteAsync(file.Content);
        CheckWaiters();
    }
}
