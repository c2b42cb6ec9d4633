using System.Globalization;
using OvopBot.Reviews;

namespace OvopBot.Tests.Reviews;

/// <summary>What follows PERBAIKI: answer numbers in the ways people type lists, then the note.</summary>
public sealed class FixRequestParserTests
{
    [Theory]
    [InlineData("3,5 Kapasitas terlalu besar", new[] { 3, 5 }, "Kapasitas terlalu besar")]
    [InlineData("3 dan 5: cek lagi", new[] { 3, 5 }, "cek lagi")]
    [InlineData("7 - Tahap usaha", new[] { 7 }, "Tahap usaha")]
    [InlineData("2, 4 & 6 foto kurang jelas", new[] { 2, 4, 6 }, "foto kurang jelas")]
    [InlineData("12", new[] { 12 }, "")]
    [InlineData("1 and 2 please check", new[] { 1, 2 }, "please check")]
    public void Numbers_and_note_are_read_from_what_people_type(string text, int[] numbers, string note)
    {
        var request = FixRequestParser.Parse(text);

        Assert.NotNull(request);
        Assert.Equal(numbers, request.Numbers);
        Assert.Equal(note, request.Note);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tolong dicek")]
    [InlineData("  ")]
    public void Text_without_a_number_first_is_no_request(string text) => Assert.Null(FixRequestParser.Parse(text));

    /// <summary>
    /// Property, over 2,000 seeded random cases: any list of numbers joined by any of the separators people use, then
    /// a note that starts with a letter, parses back to exactly those numbers and that note.
    /// </summary>
    [Fact]
    public void Any_list_of_numbers_with_any_separators_and_a_note_round_trips()
    {
        var random = new Random(1414);
        string[] separators = [",", ", ", " ", " dan ", " and ", " & ", ";", " , "];
        string[] joins = [" ", ": ", " - ", ". ", "\n"];
        string[] words = ["Kapasitas", "tahap", "foto", "nama", "cek", "Mohon", "tidak", "sesuai", "data", "kecamatan", "é", "3x"];
        for (var i = 0; i < 2000; i++)
        {
            var numbers = Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(1, 40)).ToList();
            var list = string.Join("", numbers.Select((n, k) => (k == 0 ? "" : separators[random.Next(separators.Length)]) + n.ToString(CultureInfo.InvariantCulture)));
            var note = string.Join(" ", Enumerable.Range(0, random.Next(1, 6)).Select(k => k == 0 ? words[random.Next(10)] : words[random.Next(words.Length)]));
            var text = list + joins[random.Next(joins.Length)] + note;

            var request = FixRequestParser.Parse(text);

            Assert.True(request is not null, text);
            Assert.Equal(numbers, request.Numbers);
            Assert.Equal(note, request.Note);
        }
    }
}
