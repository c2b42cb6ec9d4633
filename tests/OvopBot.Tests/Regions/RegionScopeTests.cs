using Microsoft.Extensions.Configuration;
using OvopBot.Regions;

namespace OvopBot.Tests.Regions;

public sealed class RegionScopeTests
{
    private static RegionCatalog Catalog => Wilayah.Catalog;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_setting_means_all_of_Nusa_Tenggara_Timur(string? value)
    {
        var scope = RegionScope.Parse(value, Catalog);

        Assert.Equal(["53"], scope.Codes);
        Assert.Equal(["Nusa Tenggara Timur"], scope.Names);
    }

    [Fact]
    public void Several_codes_with_spaces_and_compact_forms_are_accepted()
    {
        var scope = RegionScope.Parse(" 5304 , 53.01", Catalog);

        Assert.Equal(["53.01", "53.04"], scope.Codes);
        Assert.Equal(["Kabupaten Kupang", "Kabupaten Belu"], scope.Names);
        Assert.Equal("53.01,53.04", scope.ToString());
    }

    [Fact]
    public void A_code_inside_another_listed_code_is_dropped()
    {
        Assert.Equal(["53"], RegionScope.Parse("53.01,53,53.01.08", Catalog).Codes);
    }

    [Fact]
    public void Contains_covers_everything_under_the_scope_codes()
    {
        var scope = RegionScope.Parse("53.01,53.04", Catalog);

        Assert.True(scope.Contains("53.01.08.2006"));
        Assert.True(scope.Contains("53.04"));
        Assert.False(scope.Contains("53.71.04.1001"));
        Assert.False(scope.Contains("53"));
    }

    [Theory]
    [InlineData("54", "unknown region code '54'")]
    [InlineData("53.01,53.99", "unknown region code '53.99'")]
    [InlineData("NTT", "'NTT' is not a province, regency or district code")]
    [InlineData("53.01.08.2006", "is not a province, regency or district code")]
    [InlineData(",", "lists no region code")]
    public void A_bad_code_is_an_error_that_names_the_configuration_key(string value, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => RegionScope.Parse(value, Catalog));

        Assert.StartsWith("Regions:Scope: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scope_is_read_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Regions:Scope"] = "53.04" })
            .Build();

        Assert.Equal(["53.04"], RegionScope.FromConfiguration(configuration, Catalog).Codes);
    }
}
