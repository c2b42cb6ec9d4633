namespace OvopBot.Exports;

/// <summary>
/// Reads the store's fixed-width UTC times (<c>2026-11-23T08:00:00.000Z</c>) by digit position: a million rows
/// through the general <c>DateTimeOffset.Parse</c> cost more than writing them. Anything else goes the general way.
/// </summary>
internal static class StoredTime
{
    public static DateTimeOffset Read(string text)
    {
        if (text.Length != 24 || text[4] != '-' || text[10] != 'T' || text[23] != 'Z')
        {
            return Storage.DbTime.Read(text);
        }

        int N(int at, int width)
        {
            var value = 0;
            for (var i = at; i < at + width; i++)
            {
                value = (value * 10) + (text[i] - '0');
            }

            return value;
        }

        return new DateTimeOffset(N(0, 4), N(5, 2), N(8, 2), N(11, 2), N(14, 2), N(17, 2), N(20, 3), TimeSpan.Zero);
    }
}
