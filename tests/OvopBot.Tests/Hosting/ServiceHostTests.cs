using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Hosting;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Hosting;

public sealed class ServiceHostTests
{
    [Fact]
    public async Task The_service_listens_on_the_configured_url_and_reports_health()
    {
        using var temp = new TempDirectory();
        await using var app = ServiceHost.Build(
        [
            "--urls", "http://127.0.0.1:0", "--Storage:DatabasePath", temp.File("ovopbot.db"), "--Flows:Path", RepoPaths.Flows,
        ]);
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var http = new HttpClient();

            var response = await http.GetAsync(new Uri(new Uri(address), "/healthz"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("\"status\":\"ok\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public void A_wrong_setting_stops_the_start_with_a_message_naming_the_key()
    {
        using var temp = new TempDirectory();
        using var app = ServiceHost.Build(
        [
            "--urls", "http://127.0.0.1:0", "--Storage:DatabasePath", temp.File("ovopbot.db"), "--Flows:Path", RepoPaths.Flows,
            "--Conversations:Flow", "no-such-flow",
        ]);

        var error = Assert.ThrowsAny<Exception>(() => app.StartAsync().GetAwaiter().GetResult());

        Assert.Contains("Conversations:Flow", error.Message, StringComparison.Ordinal);
    }
}
