namespace OvopBot.Storage;

/// <summary>
/// Small durable key/value state of the channels (the Telegram update offset, for instance), kept in the same SQLite
/// file as everything else so it survives restarts together with the messages it refers to.
/// </summary>
public interface IChannelStateStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string value, CancellationToken cancellationToken);
}
