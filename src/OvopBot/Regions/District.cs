namespace OvopBot.Regions;

/// <summary>A district (kecamatan; distrik in Papua), e.g. <c>53.01.08</c> Kupang Tengah. The name is bare.</summary>
public sealed record District(string Code, string Name, string RegencyCode);
