using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using OvopBot.Channels.WhatsApp;
using OvopBot.Tests.Fakes;
using OvopBot.Tests.TestSupport;
using static OvopBot.Tests.Fakes.WebhookPayloads;

namespace OvopBot.Tests.Operations;

/// <summary>
/// The real program with the built-in JSON console formatter, through a WhatsApp conversation with the fake Graph
/// API: every line is JSON, the message's contact and id are in the scope, and neither what the person wrote nor a
/// secret appears in any line.
/// </summary>
public sealed partial class JsonLogsTests
{
    private const string Person = "6281200000517";
    private const string AccessToken = "FAKE-WA-ACCESS-TOKEN-4c1d";
    private const string AppSecret = "fake-app-secret-9e2b";
    private const string VerifyToken = "fake-verify-token-77aa";
    private static readonly string[] Said = ["halo", "ya", "Yohanes Rahasianama", "Oelnasi"];

    [Fact]
    public async Task A_conversation_logs_json_with_contact_and_message_ids_and_never_the_text_or_a_secret()
    {
        using var temp = new TempDirectory();
        await using var graph = await FakeGraphApiServer.StartAsync(TimeProvider.System, token: AccessToken, appSecret: AppSecret);
        using var bot = BotProcess.Start(temp.File("ovopbot.db"),
            "run", "--urls", "http://127.0.0.1:0",
            "--Logging:Console:FormatterName", "json",
            "--Logging:Console:FormatterOptions:IncludeScopes", "true",
            "--Logging:LogLevel:Default", "Information",
            "--Logging:LogLevel:OvopBot.Conversations", "Debug",
            "--WhatsApp:AccessToken", AccessToken,
            "--WhatsApp:ApiBaseUrl", graph.ApiBaseUrl,
            "--WhatsApp:PhoneNumberId", graph.PhoneNumberId,
            "--WhatsApp:AppSecret", AppSecret,
            "--WhatsApp:VerifyToken", VerifyToken,
            "--WhatsApp:PerPersonMinInterval", "00:00:00");
        var lines = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = Task.Run(async () =>
        {
            while (await bot.Output.ReadLineAsync() is { } line)
            {
                lines.Enqueue(line);
                if (ListeningOn().Match(line) is { Success: true } match)
                {
                    listening.TrySetResult(new Uri(match.Groups[1].Value));
                }
            }
        });

        var webhook = new Uri(await listening.Task.WaitAsync(TimeSpan.FromMinutes(1)), WhatsAppWebhookEndpoints.Path);
        var number = 0;
        foreach (var text in Said)
        {
            var before = graph.Sent.Count;
            using var response = await graph.PostWebhookAsync(webhook, Messages(Text(Person, $"wamid.LOG{++number}", text, DateTimeOffset.UtcNow)));
            response.EnsureSuccessStatusCode();
            await WaitUntilAsync(() => graph.Sent.Count > before, $"a reply to message {number}");
        }

        using (var refused = await graph.PostWebhookAsync(webhook, Messages(Text(Person, "wamid.LOGX", "halo", DateTimeOffset.UtcNow)), signature: "sha256=00"))
        {
            Assert.False(refused.IsSuccessStatusCode);
        }

        bot.Kill();
        await reading.WaitAsync(TimeSpan.FromSeconds(30));

        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        Assert.Contains(entries, e => e.GetProperty("Category").GetString() == "OvopBot.Conversations.InboundProcessorService"
            && e.GetProperty("Scopes").EnumerateArray().Any(s => s.ValueKind == JsonValueKind.Object
                && s.TryGetProperty("ContactId", out _) && s.TryGetProperty("MessageId", out _)));
        var everything = string.Join("\n", lines);
        foreach (var secret in new[] { AccessToken, AppSecret, VerifyToken })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        foreach (var text in Said.Where(t => t.Length > 4))
        {
            Assert.DoesNotContain(text, everything, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "gave up waiting for " + what);
            await Task.Delay(20);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
