namespace OvopBot.Exports;

/// <summary>Masks a phone number (or chat id) for readers who need to know one exists, not what it is: +62812****7890.</summary>
public static class PhoneMask
{
    public static string? Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        // Keep the country and operator prefix and the last four digits, so two numbers can still be told apart.
        var keepStart = value.StartsWith('+') ? 6 : 4;
        if (value.Length <= keepStart + 4)
        {
            return new string('*', value.Length);
        }

        return value[..keepStart] + new string('*', value.Length - keepStart - 4) + value[^4..];
    }
}
