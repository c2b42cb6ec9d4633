namespace OvopBot.Regions;

/// <summary>
/// A regency or city, e.g. <c>53.01</c> "Kabupaten Kupang", <c>53.71</c> "Kota Kupang". The official name already
/// starts with "Kabupaten" or "Kota", so callers show it as it is.
/// </summary>
public sealed record Regency(string Code, string Name, string ProvinceCode);
