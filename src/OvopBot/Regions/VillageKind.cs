namespace OvopBot.Regions;

/// <summary>What the first digit of a village code's last segment says about the village.</summary>
public enum VillageKind
{
    /// <summary>1xxx: an urban ward, headed by a lurah.</summary>
    Kelurahan,

    /// <summary>2xxx: a rural village, headed by a kepala desa.</summary>
    Desa,

    /// <summary>Anything else; the data has a few 3xxx "Desa Adat" villages in Papua.</summary>
    Other,
}
