namespace OvopBot.Channels.Abstractions;

/// <summary>A latitude/longitude pair in decimal degrees (WGS 84).</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude);
