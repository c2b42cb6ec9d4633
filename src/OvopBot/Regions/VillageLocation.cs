namespace OvopBot.Regions;

/// <summary>
/// A village with the areas it lies in: the parts of "Desa Oelnasi, Kec. Kupang Tengah, Kab. Kupang". Only raw names
/// live here; the words around them ("Desa", "Kec.") are user-facing text and belong to the flows.
/// </summary>
public sealed record VillageLocation(Village Village, District District, Regency Regency, Province Province);
