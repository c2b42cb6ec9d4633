using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Operations;
using OvopBot.Tests.Channels.WhatsApp.EndToEnd;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Operations;

/// <summary>
/// What Caddy (deploy/Caddyfile) lets through from the internet, checked against the routes the real service maps:
/// every webhook and dashboard route, and nothing else (not /metrics, not the health probes).
/// </summary>
public sealed partial class CaddyfileTests
{
    [Fact]
    public async Task Caddy_passes_on_every_webhook_and_dashboard_route_and_none_of_the_operations_routes()
    {
        var passed = PassedPaths(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "deploy", "Caddyfile")));
        await using var service = await WhatsAppService.StartAsync();
        var routes = service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + Parameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), "1"))
            .Distinct(StringComparer.Ordinal).ToList();

        Assert.Contains("/admin/login/1", routes);
        Assert.Contains("/webhooks/whatsapp", routes);
        Assert.Contains(OperationsServices.ReadyPath, routes);
        foreach (var route in routes)
        {
            var public_ = route.StartsWith("/admin", StringComparison.Ordinal) || route.StartsWith("/webhooks/", StringComparison.Ordinal);
            Assert.True(public_ == Passes(passed, route), $"{route}: Caddy should {(public_ ? "" : "not ")}pass it on");
        }

        Assert.False(Passes(passed, OperationsServices.MetricsPath));
        Assert.False(Passes(passed, "/healthz"));
        Assert.False(Passes(passed, "/administrator"));
    }

    [Fact]
    public async Task Compose_mounts_the_caddyfile_keeps_the_services_own_port_on_this_machine_and_the_dashboard_knows_its_name()
    {
        var compose = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "compose.yaml"));

        Assert.Contains("image: caddy:2", compose, StringComparison.Ordinal);
        Assert.Contains("- ./deploy/Caddyfile:/etc/caddy/Caddyfile:ro", compose, StringComparison.Ordinal);
        Assert.Contains("- ovopbot-data:/data", compose, StringComparison.Ordinal);
        Assert.Contains("- \"127.0.0.1:5080:8080\"", compose, StringComparison.Ordinal);
        // The dashboard's links and cookies use the public HTTPS name Caddy serves.
        var settings = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "deploy", "ovopbot.env.example"));
        Assert.Contains("Web__PublicUrl=https://bot.example.org", settings, StringComparison.Ordinal);
    }

    /// <summary>The paths of the one named matcher the Caddyfile proxies (<c>@service path …</c>).</summary>
    private static IReadOnlyList<string> PassedPaths(string caddyfile)
    {
        var matcher = Assert.Single(caddyfile.Split('\n'), l => l.Trim().StartsWith("@service path ", StringComparison.Ordinal));
        Assert.Contains("handle @service {", caddyfile, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(caddyfile, "reverse_proxy "));
        return matcher.Trim()["@service path ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Caddy's path matcher: exact, or a prefix when the pattern ends in <c>*</c>.</summary>
    private static bool Passes(IReadOnlyList<string> patterns, string path) => patterns.Any(p =>
        p.EndsWith('*') ? path.StartsWith(p[..^1], StringComparison.Ordinal) : path == p);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
