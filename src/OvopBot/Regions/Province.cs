namespace OvopBot.Regions;

/// <summary>A province (provinsi), e.g. <c>53</c> Nusa Tenggara Timur.</summary>
public sealed record Province(string Code, string Name);
