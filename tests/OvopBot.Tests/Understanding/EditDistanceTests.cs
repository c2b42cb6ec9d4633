using OvopBot.Understanding;

namespace OvopBot.Tests.Understanding;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("tidak", "tidak", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("tidka", "tidak", 1)]
    [InlineData("tida", "tidak", 1)]
    [InlineData("tidakk", "tidak", 1)]
    [InlineData("tudak", "tidak", 1)]
    [InlineData("kopi", "kopu", 1)]
    [InlineData("ca", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("agustus", "agutsus", 1)]
    [InlineData("pertanian", "perkebunan", 5)]
    public void Compute_counts_insertions_deletions_substitutions_and_adjacent_swaps(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Compute(a, b));
        Assert.Equal(expected, EditDistance.Compute(b, a));
    }

    [Theory]
    [InlineData("pertanian", "perkebunan", 1, 2)]
    [InlineData("abcdef", "a", 2, 3)]
    [InlineData("kitten", "sitting", 2, 3)]
    [InlineData("kitten", "sitting", 3, 3)]
    [InlineData("tidka", "tidak", 1, 1)]
    [InlineData("same", "same", 0, 0)]
    [InlineData("samf", "same", 0, 1)]
    public void Compute_stops_at_the_bound_and_returns_one_more_than_it(string a, string b, int bound, int expected)
    {
        Assert.Equal(expected, EditDistance.Compute(a, b, bound));
    }

    [Fact]
    public void Compute_handles_long_texts_beyond_the_stack_buffer()
    {
        var a = new string('a', 200);
        var b = new string('a', 199) + "b";
        Assert.Equal(1, EditDistance.Compute(a, b));
    }
}
