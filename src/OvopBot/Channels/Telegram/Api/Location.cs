namespace OvopBot.Channels.Telegram.Api;

/// <summary>A point on the map sent by the user.</summary>
public sealed record Location
{
    public double Latitude { get; init; }
    public double Longitude { get; init; }
}
