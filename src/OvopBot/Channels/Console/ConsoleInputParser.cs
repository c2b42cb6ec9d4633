using System.Globalization;
using OvopBot.Channels.Abstractions;

namespace OvopBot.Channels.Console;

/// <summary>
/// Turns a typed console line into an inbound message, the way a phone would send it. Plain lines are text
/// (<c>/start</c> and other slash words are commands); special inputs start with a colon:
/// <list type="bullet">
/// <item><c>:photo PATH</c> — a photo (the file is copied into Storage:MediaPath)</item>
/// <item><c>:voice PATH</c> — a voice note</item>
/// <item><c>:location LAT,LON</c> — a shared location, e.g. <c>:location -10.17,123.61</c></item>
/// <item><c>:contact PHONE</c> — a shared contact card</item>
/// <item><c>:button KEY</c> — a tapped button with that option key</item>
/// </list>
/// </summary>
public sealed class ConsoleInputParser(string mediaPath)
{
    public InboundMessage Parse(string line, string address, string externalId, DateTimeOffset now)
    {
        var message = new InboundMessage
        {
            Channel = ConsoleChannel.Name,
            Address = address,
            ExternalId = externalId,
            Kind = line.StartsWith('/') ? InboundKind.Command : InboundKind.Text,
            ReceivedAt = now,
            Text = line,
            DisplayName = address,
        };
        if (!line.StartsWith(':'))
        {
            return message;
        }

        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var verb = (space < 0 ? line[1..] : line[1..space]).ToLowerInvariant();
        var argument = space < 0 ? "" : line[(space + 1)..].Trim();
        return verb switch
        {
            "photo" or "foto" => Media(message, InboundKind.Photo, argument),
            "voice" or "suara" => Media(message, InboundKind.Voice, argument),
            "location" or "lokasi" => Location(message, argument),
            "contact" or "kontak" => message with { Kind = InboundKind.Contact, Text = argument, Phone = argument },
            "button" or "tombol" => message with { Kind = InboundKind.Choice, ChoiceId = argument, Text = argument },
            _ => message,
        };
    }

    private InboundMessage Media(InboundMessage message, InboundKind kind, string path)
    {
        if (!File.Exists(path))
        {
            // Like a failed upload: the bot will ask for the photo again.
            return message with { Kind = InboundKind.Unsupported, Text = null };
        }

        Directory.CreateDirectory(mediaPath);
        var target = Path.Combine(mediaPath, $"{ConsoleChannel.Name}-{message.ExternalId}{Path.GetExtension(path)}");
        File.Copy(path, target, overwrite: true);
        return message with { Kind = kind, Text = null, MediaPath = Path.GetFullPath(target), MediaRef = Path.GetFileName(path) };
    }

    private static InboundMessage Location(InboundMessage message, string argument)
    {
        var parts = argument.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 2 &&
            double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) &&
            double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
        {
            return message with { Kind = InboundKind.Location, Text = null, Location = new GeoPoint(lat, lon) };
        }

        return message with { Kind = InboundKind.Unsupported, Text = null };
    }
}
