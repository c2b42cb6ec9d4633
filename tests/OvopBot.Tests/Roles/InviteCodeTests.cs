using OvopBot.Roles;

namespace OvopBot.Tests.Roles;

public sealed class InviteCodeTests
{
    [Fact]
    public void Generated_codes_have_the_fixed_shape_and_no_look_alike_letters()
    {
        for (var i = 0; i < 200; i++)
        {
            var code = InviteCode.Generate();
            Assert.Matches("^OVOP-[A-Z2-9]{5}-[A-Z2-9]{5}$", code);
            Assert.DoesNotContain(code[5..], c => c is '0' or 'O' or '1' or 'I' or 'L');
            Assert.Equal(code, InviteCode.Recognise(code));
        }
    }

    [Fact]
    public void Ten_thousand_generated_codes_are_all_different()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => InviteCode.Generate()).ToHashSet();
        Assert.Equal(10_000, codes.Count);
    }

    [Theory]
    [InlineData("ovop-k7qx2-m9trb")]
    [InlineData("OVOP K7QX2 M9TRB")]
    [InlineData("  OVOPK7QX2M9TRB ")]
    [InlineData("/start OVOP-K7QX2-M9TRB")]
    [InlineData("/start@OvopBot OVOP-K7QX2-M9TRB")]
    public void Sloppy_spellings_of_a_code_are_recognised_in_canonical_form(string text) =>
        Assert.Equal("OVOP-K7QX2-M9TRB", InviteCode.Recognise(text));

    [Theory]
    [InlineData("kode saya OVOP-K7QX2-M9TRB")]
    [InlineData("OVOP-K7QX2-M9TR")]
    [InlineData("OVOP-5301082003-1")]
    [InlineData("Kopi Arabika")]
    [InlineData("")]
    public void Answers_that_are_not_exactly_a_code_are_not_taken_for_one(string text) =>
        Assert.Null(InviteCode.Recognise(text));
}
