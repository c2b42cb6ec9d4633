using OvopBot.Understanding;

namespace OvopBot.Tests.Understanding;

public sealed class PhoneParserTests
{
    [Theory]
    [InlineData("0812-3456-7890", "+6281234567890")]
    [InlineData("081234567890", "+6281234567890")]
    [InlineData("0812 3456 7890", "+6281234567890")]
    [InlineData("0812.3456.7890", "+6281234567890")]
    [InlineData("+62 812 3456 7890", "+6281234567890")]
    [InlineData("+62-812-3456-7890", "+6281234567890")]
    [InlineData("+62 0812 3456 7890", "+6281234567890")]
    [InlineData("+6281234567890", "+6281234567890")]
    [InlineData("6281234567890", "+6281234567890")]
    [InlineData("006281234567890", "+6281234567890")]
    [InlineData("81234567890", "+6281234567890")]
    [InlineData("HP: 0812-3456-7890", "+6281234567890")]
    [InlineData("No. WA 0812 3456 7890", "+6281234567890")]
    [InlineData("0811 381 234", "+62811381234")]
    [InlineData("(0380) 821234", "+62380821234")]
    [InlineData("+1 415 555 2671", "+14155552671")]
    [InlineData("+61 412 345 678", "+61412345678")]
    public void Normalize_turns_typed_numbers_into_e164(string text, string expected)
    {
        Assert.Equal(expected, PhoneParser.Normalize(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("tidak ada")]
    [InlineData("12345")]
    [InlineData("0812")]
    [InlineData("1234567890")]
    [InlineData("+12345")]
    [InlineData("+1234567890123456")]
    [InlineData("0812-3456-7890 / 0813-1111-2222")]
    [InlineData("081234567890 081311112222")]
    [InlineData("0812 3456 789o")]
    [InlineData("+62 00812 3456 7890")]
    [InlineData("0812+3456")]
    [InlineData("0812345678901234")]
    public void Normalize_returns_null_for_anything_that_is_not_one_phone_number(string text)
    {
        Assert.Null(PhoneParser.Normalize(text));
    }
}
