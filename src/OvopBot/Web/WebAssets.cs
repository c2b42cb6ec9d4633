using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace OvopBot.Web;

/// <summary>
/// The dashboard's static files, built into the program (nothing from a CDN: office networks may be offline). The
/// vendored ones come from npm with their licences beside them in <c>Web/Assets/vendor/</c>; see the README.
/// </summary>
public static class WebAssets
{
    private static readonly Dictionary<string, (byte[] Bytes, string Type)> Files = Load();

    public static IResult Serve(HttpContext http, string name)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!Files.TryGetValue(name, out var file))
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.Bytes(file.Bytes, file.Type);
    }

    private static Dictionary<string, (byte[], string)> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("OvopBot.Web.Assets.", StringComparison.Ordinal)))
        {
            // Resource names keep only the file name after the folders: OvopBot.Web.Assets.<file>.
            var name = resource["OvopBot.Web.Assets.".Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var type = Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                _ => "application/octet-stream",
            };
            files[name] = (memory.ToArray(), type);
        }

        return files;
    }
}
