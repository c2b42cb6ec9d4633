using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.Console;
using OvopBot.Conversations;
using OvopBot.Hosting;
using OvopBot.Storage;

namespace OvopBot.Tests.TestSupport;

/// <summary>
/// The real conversation stack (SQLite file in a temp folder, the flows of the checkout, the engine, the
/// processor) with a hand-moved clock. <see cref="Restart"/> throws the whole stack away and builds it again on the
/// same database file, as a process restart would.
/// </summary>
public sealed class BotHarness : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly Action<IServiceCollection>? _configure;
    private readonly Dictionary<string, string> _settings;
    private int _messageCounter;

    public BotHarness(Action<IServiceCollection>? configure = null, IDictionary<string, string>? settings = null)
    {
        _configure = configure;
        _settings = new Dictionary<string, string>
        {
            ["Storage:DatabasePath"] = _temp.File("ovopbot.db"),
            ["Storage:MediaPath"] = _temp.File("media"),
            ["Flows:Path"] = RepoPaths.Flows,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }

        Host = Build();
    }

    public ManualTimeProvider Time { get; } = new();

    public IHost Host { get; private set; }

    public string TempPath => _temp.Path;

    public string DatabasePath => _settings["Storage:DatabasePath"];

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>Sends one console line as the person and returns the replies' texts.</summary>
    public async Task<IReadOnlyList<string>> SayAsync(string line, string from = "tester")
    {
        var parser = new ConsoleInputParser(_settings["Storage:MediaPath"]);
        var message = parser.Parse(line, from, $"{from}-{++_messageCounter}", Time.GetUtcNow());
        return await SendAsync(message);
    }

    public async Task<IReadOnlyList<string>> SendAsync(InboundMessage message)
    {
        var replies = await Get<ConversationProcessor>().HandleAsync(message, CancellationToken.None);
        return replies.Select(r => r.Text).ToList();
    }

    public void Restart()
    {
        Host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Host = Build();
    }

    private IHost Build() => CliHost.Build(
        _settings.SelectMany(kv => new[] { $"--{kv.Key}", kv.Value }).ToList(),
        services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            _configure?.Invoke(services);
        });

    public SqliteDatabase Database => Get<SqliteDatabase>();

    public void Dispose()
    {
        Host.Dispose();
        _temp.Dispose();
    }
}
