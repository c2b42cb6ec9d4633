using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OvopBot.Tests.Fakes;

/// <summary>
/// Reads Bot API parameters the four ways Telegram accepts them (query string, form, JSON, multipart) into one
/// JSON object, decoding JSON-string values of form fields (reply_markup, allowed_updates) as Telegram does.
/// </summary>
internal static class FakeTelegramParameters
{
    public static async Task<(JsonObject Parameters, FakeTelegramUpload? Upload)> ReadAsync(HttpRequest request)
    {
        var result = new JsonObject();
        foreach (var (key, value) in request.Query)
        {
            result[key] = Decode(value.ToString());
        }

        FakeTelegramUpload? upload = null;
        if (request.HasJsonContentType())
        {
            if (await JsonNode.ParseAsync(request.Body) is JsonObject body)
            {
                foreach (var (key, value) in body)
                {
                    result[key] = value?.DeepClone();
                }
            }
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (key, value) in form)
            {
                result[key] = Decode(value.ToString());
            }

            if (form.Files.Count > 0)
            {
                var file = form.Files[0];
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                upload = new FakeTelegramUpload(file.Name, file.FileName, buffer.ToArray());
            }
        }

        return (result, upload);
    }

    public static long? Long(JsonObject parameters, string key) => parameters[key] switch
    {
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text)
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static string? String(JsonObject parameters, string key) => parameters[key] switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };

    public static bool Bool(JsonObject parameters, string key) => parameters[key] switch
    {
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<string>(out var text) => text is "true" or "True" or "1",
        _ => false,
    };

    private static JsonNode? Decode(string value)
    {
        var trimmed = value.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                return JsonNode.Parse(value);
            }
            catch (System.Text.Json.JsonException)
            {
                return JsonValue.Create(value);
            }
        }

        return JsonValue.Create(value);
    }
}
