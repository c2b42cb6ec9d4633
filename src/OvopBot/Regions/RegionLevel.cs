namespace OvopBot.Regions;

/// <summary>The four levels of Indonesia's administrative areas, from the widest to the narrowest.</summary>
public enum RegionLevel
{
    /// <summary><c>53</c>: a province (provinsi).</summary>
    Province = 1,

    /// <summary><c>53.01</c>: a regency or city (kabupaten / kota).</summary>
    Regency = 2,

    /// <summary><c>53.01.08</c>: a district (kecamatan).</summary>
    District = 3,

    /// <summary><c>53.01.08.2003</c>: a village (desa / kelurahan).</summary>
    Village = 4,
}
