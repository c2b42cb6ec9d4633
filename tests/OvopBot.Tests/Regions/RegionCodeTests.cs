using OvopBot.Regions;

namespace OvopBot.Tests.Regions;

public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("53", RegionLevel.Province)]
    [InlineData("53.01", RegionLevel.Regency)]
    [InlineData("53.01.08", RegionLevel.District)]
    [InlineData("53.01.08.2006", RegionLevel.Village)]
    public void The_level_follows_from_the_segments(string code, RegionLevel level) =>
        Assert.Equal(level, RegionCode.LevelOf(code));

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("53.1")]
    [InlineData("53.01.08.206")]
    [InlineData("53.01.08.2006.1")]
    [InlineData("53.0a")]
    [InlineData("53.")]
    public void Malformed_codes_have_no_level(string code) => Assert.Null(RegionCode.LevelOf(code));

    [Theory]
    [InlineData("5301082006", "53.01.08.2006")]
    [InlineData(" 5301 ", "53.01")]
    [InlineData("53.01.08", "53.01.08")]
    [InlineData("53010", null)]
    [InlineData("Kupang", null)]
    public void Compact_codes_are_normalized_to_dotted_ones(string text, string? expected) =>
        Assert.Equal(expected, RegionCode.Normalize(text));

    [Fact]
    public void Compact_parent_and_within_work_segment_wise()
    {
        Assert.Equal("5301082006", RegionCode.Compact("53.01.08.2006"));
        Assert.Equal("53.01", RegionCode.Parent("53.01.08"));
        Assert.Null(RegionCode.Parent("53"));
        Assert.True(RegionCode.IsWithin("53.01.08", "53.01"));
        Assert.False(RegionCode.IsWithin("53.010", "53.01"));
        Assert.False(RegionCode.IsWithin("53", "53.01"));
    }
}
