using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Cli;

public sealed class RegionsFindCommandTests
{
    [Fact]
    public async Task Regions_find_shows_the_official_village_a_typo_matches()
    {
        using var temp = new TempDirectory();
        using var bot = BotProcess.Start(temp.File("ovopbot.db"), "regions", "find", "Oel Nasy");

        var (output, error, exitCode) = await bot.RunToEndAsync([]);

        Assert.True(exitCode == 0, error);
        Assert.Contains("compared as: \"oelnasy\"", output, StringComparison.Ordinal);
        Assert.Contains("53.01.08.2006", output, StringComparison.Ordinal);
        Assert.Contains("Kupang Tengah", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regions_find_names_a_village_outside_the_service_area()
    {
        using var temp = new TempDirectory();
        using var bot = BotProcess.Start(temp.File("ovopbot.db"), "regions", "find", "Namosain", "--Regions:Scope", "53.01");

        var (output, _, _) = await bot.RunToEndAsync([]);

        Assert.Contains("outside it: Namosain (Kota Kupang)", output, StringComparison.Ordinal);
    }
}
