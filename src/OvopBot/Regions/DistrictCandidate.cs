namespace OvopBot.Regions;

/// <summary>A district that a typed name may mean (the "which kecamatan?" fallback), best first.</summary>
/// <param name="District">The district (bare name, e.g. "Kupang Tengah").</param>
/// <param name="Regency">Its regency or city, whose name already starts with "Kabupaten"/"Kota".</param>
/// <param name="Score">1 for the same name, falling towards 0 with each edit relative to the name's length.</param>
/// <param name="Distance">Edits between the typed and the official name.</param>
/// <param name="IsExact">The names are equal once case, spaces, punctuation and "kec." are set aside.</param>
/// <param name="IsConfident">First candidate only: the only district at its distance, and close enough.</param>
public sealed record DistrictCandidate(
    District District,
    Regency Regency,
    double Score,
    int Distance,
    bool IsExact,
    bool IsConfident);
