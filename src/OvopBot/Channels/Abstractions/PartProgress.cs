namespace OvopBot.Channels.Abstractions;

/// <summary>
/// How far one outbox message a channel sends as several platform messages (a text too long for one, a text and then
/// its document) has gone out; Telegram and WhatsApp both send through it. The sender starts at <see cref="Sent"/> (an
/// earlier attempt may have sent the first parts, <see cref="OutboundEnvelope.SentParts"/>) and reports each part the
/// platform accepted with <see cref="AcceptedAsync"/>, which has the outbox write it down
/// (<see cref="OutboundEnvelope.RecordSentParts"/>) before the next part goes out. So neither a failed part nor a
/// kill -9 between two parts sends a part twice. A message of one part writes nothing extra: its row is marked sent.
/// </summary>
public sealed class PartProgress(OutboundEnvelope envelope, int parts)
{
    private readonly List<string> _ids = [.. envelope.SentParts];

    /// <summary>How many parts are out; the next part to send has this index.</summary>
    public int Sent => _ids.Count;

    /// <summary>The platform ids of the parts out, joined by ',' (what <see cref="IChannelSender.SendAsync"/> returns).</summary>
    public string PlatformIds => string.Join(',', _ids);

    /// <summary>The platform accepted the next part: it is recorded before the sender goes on.</summary>
    public async Task AcceptedAsync(string platformId)
    {
        _ids.Add(platformId);
        if (parts <= 1 || envelope.RecordSentParts is not { } record)
        {
            return;
        }

        try
        {
            await record([.. _ids]);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The part is out but the store did not take it (busy, disk full): send no more now. The failure carries
            // the parts, which the outbox writes down before the retry.
            throw new ChannelSendException(SendFailureKind.Transient,
                $"part {_ids.Count} of {parts} of outbox message {envelope.Id} was sent but could not be recorded: {e.Message}", null, false, e)
            {
                SentParts = [.. _ids],
            };
        }
    }
}
