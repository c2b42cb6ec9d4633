namespace OvopBot.Regions;

/// <summary>
/// One village that a typed name may mean, best first in a <see cref="VillageMatcher"/> answer.
/// </summary>
/// <param name="Location">The village with its district, regency and province (raw names, for the flow to word).</param>
/// <param name="Score">1 for the same name, falling towards 0 with each edit relative to the name's length.</param>
/// <param name="Distance">Edits (letter added, dropped, changed or two swapped) between the typed and official name.</param>
/// <param name="IsExact">The names are equal once case, spaces, punctuation and "desa"/"kel." are set aside.</param>
/// <param name="IsConfident">
/// Only ever on the first candidate: it is clearly the best — the only village at its distance, and close enough
/// for the name's length — so the bot may ask "this one? yes/no" instead of listing choices. Never a reason to save
/// without the person confirming.
/// </param>
public sealed record VillageCandidate(
    VillageLocation Location,
    double Score,
    int Distance,
    bool IsExact,
    bool IsConfident)
{
    public Village Village => Location.Village;
}
