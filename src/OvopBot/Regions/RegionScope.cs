using Microsoft.Extensions.Configuration;

namespace OvopBot.Regions;

/// <summary>
/// The area the service covers, from configuration <c>Regions:Scope</c>: one or more province, regency or district
/// codes, comma-separated (default <c>53</c>, all of Nusa Tenggara Timur; <c>53.01,53.04</c> for Kupang and Belu).
/// Compact codes (<c>5301</c>) are accepted too. Every code is checked against the catalog at start-up.
/// </summary>
public sealed class RegionScope
{
    /// <summary>The configuration key, named in every error so an operator knows what to fix.</summary>
    public const string ConfigurationKey = "Regions:Scope";

    /// <summary>Nusa Tenggara Timur, where the OVOP programme runs.</summary>
    public const string DefaultValue = "53";

    private RegionScope(IReadOnlyList<string> codes, IReadOnlyList<string> names)
    {
        Codes = codes;
        Names = names;
    }

    /// <summary>The scope codes, dotted, in code order, with codes inside other listed codes dropped.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>The official names of <see cref="Codes"/>, in the same order, for "outside the area (…)" replies.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Reads <c>Regions:Scope</c> from configuration; see <see cref="Parse"/>.</summary>
    public static RegionScope FromConfiguration(IConfiguration configuration, RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Parse(configuration[ConfigurationKey], catalog);
    }

    /// <summary>
    /// Parses a comma-separated list of codes (blank or missing means <see cref="DefaultValue"/>); throws
    /// <see cref="InvalidOperationException"/> naming <c>Regions:Scope</c> for a malformed or unknown code.
    /// </summary>
    public static RegionScope Parse(string? value, RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var text = string.IsNullOrWhiteSpace(value) ? DefaultValue : value;
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw Error($"'{text}' lists no region code");
        }

        var codes = new List<string>();
        foreach (var part in parts)
        {
            var code = RegionCode.Normalize(part);
            if (code is null || RegionCode.LevelOf(code) == RegionLevel.Village)
            {
                throw Error($"'{part}' is not a province, regency or district code (like 53, 53.01 or 53.01.08)");
            }

            if (!catalog.Contains(code))
            {
                throw Error($"unknown region code '{code}' (not in data/wilayah; e.g. 53 is {catalog.Name("53")})");
            }

            codes.Add(code);
        }

        // "53,53.01" is just "53": drop codes already covered, so nothing is counted or searched twice.
        var kept = codes.Distinct(StringComparer.Ordinal)
            .Where(code => !codes.Exists(other => other != code && RegionCode.IsWithin(code, other)))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new RegionScope(kept.AsReadOnly(), kept.ConvertAll(code => catalog.Name(code)!).AsReadOnly());
    }

    /// <summary>True when the code (any level) lies inside one of the scope codes.</summary>
    public bool Contains(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        foreach (var scopeCode in Codes)
        {
            if (RegionCode.IsWithin(code, scopeCode))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The scope as configuration text, e.g. <c>53.01,53.04</c>.</summary>
    public override string ToString() => string.Join(',', Codes);

    private static InvalidOperationException Error(string message) => new($"{ConfigurationKey}: {message}");
}
