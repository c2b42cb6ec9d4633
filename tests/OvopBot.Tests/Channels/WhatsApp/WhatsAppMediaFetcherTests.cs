namespace OvopBot.Tests.Channels.WhatsApp;

public sealed class WhatsAppMediaFetcherTests : IAsyncLifetime
{
    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5, 6, 7, 8, 0xFF, 0xD9];
    private WhatsAppTestHost _host = null!;

    public async Task InitializeAsync() => _host = await WhatsAppTestHost.StartAsync(new()
    {
        ["WhatsApp:MaxMediaBytes"] = "1000",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_photo_is_downloaded_with_the_bearer_token_into_the_media_folder()
    {
        _host.Graph.AddMedia("1234567890123456", Photo, "image/jpeg");

        var path = await _host.MediaFetcher.FetchAsync("1234567890123456", CancellationToken.None);

        Assert.NotNull(path);
        Assert.Equal(Path.Combine(_host.MediaPath, "whatsapp", "1234567890123456.jpg"), path);
        Assert.Equal(Photo, await File.ReadAllBytesAsync(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.part"));
    }

    [Fact]
    public async Task Fetching_the_same_media_again_reuses_the_file()
    {
        _host.Graph.AddMedia("555", Photo, "image/png");

        var first = await _host.MediaFetcher.FetchAsync("555", CancellationToken.None);
        var second = await _host.MediaFetcher.FetchAsync("555", CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(1, _host.Graph.MediaLookups);
    }

    [Fact]
    public async Task An_expired_download_url_is_replaced_by_a_fresh_one()
    {
        _host.Graph.AddMedia("777", Photo, "audio/ogg");
        _host.Graph.ExpireNextDownload();

        var path = await _host.MediaFetcher.FetchAsync("777", CancellationToken.None);

        Assert.EndsWith("777.ogg", path, StringComparison.Ordinal);
        Assert.Equal(2, _host.Graph.MediaLookups);
    }

    [Fact]
    public async Task Media_announced_over_the_size_cap_is_not_downloaded()
    {
        _host.Graph.AddMedia("888", new byte[5000], "image/jpeg");

        Assert.Null(await _host.MediaFetcher.FetchAsync("888", CancellationToken.None));
        Assert.False(Directory.Exists(Path.Combine(_host.MediaPath, "whatsapp"))
            && Directory.EnumerateFiles(Path.Combine(_host.MediaPath, "whatsapp")).Any());
    }

    [Fact]
    public async Task Media_bigger_than_announced_is_stopped_at_the_cap_and_leaves_no_file()
    {
        _host.Graph.AddMedia("999", new byte[5000], "image/jpeg");
        _host.Graph.ReportedMediaSize = 10;

        Assert.Null(await _host.MediaFetcher.FetchAsync("999", CancellationToken.None));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_host.MediaPath, "whatsapp")));
    }

    [Fact]
    public async Task Media_that_is_gone_yields_null_so_the_flow_can_ask_again() =>
        Assert.Null(await _host.MediaFetcher.FetchAsync("404404", CancellationToken.None));

    [Fact]
    public async Task A_media_reference_that_is_not_a_plain_id_never_becomes_a_path() =>
        Assert.Null(await _host.MediaFetcher.FetchAsync("../../etc/passwd", CancellationToken.None));
}
