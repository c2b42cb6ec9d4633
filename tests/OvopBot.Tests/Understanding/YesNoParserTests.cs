using OvopBot.Understanding;

namespace OvopBot.Tests.Understanding;

public sealed class YesNoParserTests
{
    [Theory]
    [InlineData("ya")]
    [InlineData("Ya!!")]
    [InlineData("YA")]
    [InlineData("iya")]
    [InlineData("iyaaa")]
    [InlineData("iye")]
    [InlineData("y")]
    [InlineData("betul")]
    [InlineData("benar")]
    [InlineData("bener")]
    [InlineData("setuju")]
    [InlineData("setujuu")]
    [InlineData("stuju")]
    [InlineData("ok")]
    [InlineData("oke")]
    [InlineData("okee")]
    [InlineData("Oke 👍")]
    [InlineData("boleh")]
    [InlineData("bolh")]
    [InlineData("mau")]
    [InlineData("sudah")]
    [InlineData("udah")]
    [InlineData("siap")]
    [InlineData("ada")]
    [InlineData("1")]
    [InlineData("1.")]
    [InlineData("ya pak")]
    [InlineData("iya, saya setuju")]
    [InlineData("ya betul sekali")]
    [InlineData("tidak apa-apa")]
    [InlineData("gak papa")]
    [InlineData("gpp")]
    [InlineData("yes")]
    [InlineData("Yes please")]
    [InlineData("yup")]
    [InlineData("sure")]
    [InlineData("👍")]
    [InlineData("✅")]
    public void Parse_understands_yes(string text)
    {
        Assert.True(YesNoParser.Parse(text));
    }

    [Theory]
    [InlineData("tidak")]
    [InlineData("Tidak.")]
    [InlineData("tidakk")]
    [InlineData("tidka")]
    [InlineData("tida")]
    [InlineData("tdk")]
    [InlineData("nggak")]
    [InlineData("ngga")]
    [InlineData("gak")]
    [InlineData("ga")]
    [InlineData("enggak")]
    [InlineData("ndak")]
    [InlineData("bukan")]
    [InlineData("belum")]
    [InlineData("blm")]
    [InlineData("jangan")]
    [InlineData("tolak")]
    [InlineData("t")]
    [InlineData("n")]
    [InlineData("no")]
    [InlineData("No thanks")]
    [InlineData("2")]
    [InlineData("tidak setuju")]
    [InlineData("gak mau")]
    [InlineData("belum ada")]
    [InlineData("tidak, terima kasih")]
    [InlineData("tidak pak")]
    [InlineData("tidak tidak")]
    [InlineData("👎")]
    [InlineData("❌")]
    public void Parse_understands_no(string text)
    {
        Assert.False(YesNoParser.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?")]
    [InlineData("mungkin")]
    [InlineData("nanti dulu")]
    [InlineData("ya tidak")]
    [InlineData("ya tapi nanti")]
    [InlineData("siapa?")]
    [InlineData("apa")]
    [InlineData("3")]
    [InlineData("11")]
    [InlineData("kopi")]
    [InlineData("data")]
    [InlineData("👍👎")]
    public void Parse_returns_null_when_the_answer_is_unclear(string text)
    {
        Assert.Null(YesNoParser.Parse(text));
    }
}
