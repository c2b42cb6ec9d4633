namespace OvopBot.Regions;

/// <summary>A village (desa or kelurahan), e.g. <c>53.01.08.2003</c> Oelnasi. The name is bare, without "Desa".</summary>
public sealed record Village(string Code, string Name, string DistrictCode)
{
    /// <summary>Kelurahan or desa, from the code (1xxx / 2xxx), so the caller can pick the right word.</summary>
    public VillageKind Kind => Code[^4] switch
    {
        '1' => VillageKind.Kelurahan,
        '2' => VillageKind.Desa,
        _ => VillageKind.Other,
    };
}
