using Microsoft.Extensions.Logging.Abstractions;
using OvopBot.Channels.Telegram;
using OvopBot.Tests.Channels.Telegram.Support;
using OvopBot.Tests.Fakes;

namespace OvopBot.Tests.Channels.Telegram;

public sealed class TelegramMediaFetcherTests : IAsyncLifetime
{
    private readonly DirectoryInfo _media = Directory.CreateTempSubdirectory("ovop-media-");
    private FakeTelegramServer _server = null!;
    private TelegramTestClient _telegram = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeTelegramServer.StartAsync();
        _telegram = new TelegramTestClient(_server.BaseUrl, o => o.MaxDownloadBytes = 1000);
    }

    public async Task DisposeAsync()
    {
        _telegram.Dispose();
        await _server.DisposeAsync();
        _media.Delete(recursive: true);
    }

    private TelegramMediaFetcher Fetcher() =>
        new(_telegram.Client, _telegram.Options, _media.FullName, NullLogger<TelegramMediaFetcher>.Instance);

    private string[] FilesOnDisk() =>
        Directory.Exists(_media.FullName) ? Directory.GetFiles(_media.FullName, "*", SearchOption.AllDirectories) : [];

    [Fact]
    public async Task A_photo_is_downloaded_into_the_telegram_media_folder_under_its_unique_id()
    {
        var content = Enumerable.Range(0, 800).Select(i => (byte)i).ToArray();
        var fileId = _server.AddFile(content);

        var path = await Fetcher().FetchAsync(fileId, CancellationToken.None);

        Assert.NotNull(path);
        Assert.Equal(Path.Combine(_media.FullName, "telegram"), Path.GetDirectoryName(path));
        Assert.Matches("^AQADk7cxG[0-9]+\\.jpg$", Path.GetFileName(path));
        Assert.Equal(content, await File.ReadAllBytesAsync(path));
        Assert.Single(FilesOnDisk());
    }

    [Fact]
    public async Task Fetching_the_same_file_twice_reuses_the_first_copy()
    {
        var fileId = _server.AddFile([1, 2, 3]);

        var first = await Fetcher().FetchAsync(fileId, CancellationToken.None);
        var second = await Fetcher().FetchAsync(fileId, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(_server.CallsOf("file"));
    }

    [Fact]
    public async Task A_file_reported_larger_than_the_limit_is_refused_without_downloading()
    {
        var fileId = _server.AddFile(new byte[1001]);

        Assert.Null(await Fetcher().FetchAsync(fileId, CancellationToken.None));
        Assert.Empty(_server.CallsOf("file"));
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task A_file_of_unreported_size_that_turns_out_too_large_leaves_no_partial_file()
    {
        var fileId = _server.AddFile(new byte[200_000], reportSize: false);

        Assert.Null(await Fetcher().FetchAsync(fileId, CancellationToken.None));
        Assert.Single(_server.CallsOf("file"));
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task A_file_telegram_will_not_hand_out_gives_null()
    {
        _server.DownloadLimit = 10;
        var tooBig = _server.AddFile(new byte[11]);

        Assert.Null(await Fetcher().FetchAsync(tooBig, CancellationToken.None));
        Assert.Null(await Fetcher().FetchAsync("no-such-file-id", CancellationToken.None));
        Assert.Empty(FilesOnDisk());
    }

    [Theory]
    [InlineData("../../etc/passwd", "photos/../../x.jpg", "etcpasswd.jpg")]
    [InlineData("AQAD-ok_1", "voice/file_9.oga", "AQAD-ok_1.oga")]
    [InlineData("AQAD", "documents/file.tar.gz;rm -rf", "AQAD.bin")]
    public void Local_names_are_single_safe_file_names(string uniqueId, string filePath, string expected)
    {
        var name = TelegramMediaFetcher.LocalName(new OvopBot.Channels.Telegram.Api.TelegramFile
        {
            FileId = "id", FileUniqueId = uniqueId, FilePath = filePath,
        });

        Assert.Equal(expected, name);
    }
}
