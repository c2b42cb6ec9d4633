using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Telegram;
using OvopBot.Tests.Fakes;

namespace OvopBot.Tests.Channels.Telegram.Support;

/// <summary>A real <see cref="TelegramClient"/> (real HttpClient) pointed at a fake Bot API server.</summary>
public sealed class TelegramTestClient : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public TelegramTestClient(string baseUrl, Action<TelegramOptions>? configure = null,
        ILoggerFactory? loggerFactory = null)
    {
        var options = new TelegramOptions { BotToken = FakeTelegramServer.Token, ApiBaseUrl = baseUrl };
        configure?.Invoke(options);
        Options = Microsoft.Extensions.Options.Options.Create(options);
        Client = new TelegramClient(_http, Options,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<TelegramClient>());
    }

    public IOptions<TelegramOptions> Options { get; }

    public TelegramClient Client { get; }

    public void Dispose() => _http.Dispose();
}
