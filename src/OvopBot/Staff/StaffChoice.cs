using OvopBot.Understanding;

namespace OvopBot.Staff;

/// <summary>Reads a numbered choice in a staff dialog as loosely as the registration does ("2", "2.", "dua").</summary>
public static class StaffChoice
{
    public static int? Number(string text) =>
        NumberParser.TryParse(text, out var value) && value >= 0 && value <= int.MaxValue && value == decimal.Truncate(value) ? (int)value : null;
}
