using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;

namespace OvopBot.Channels.WhatsApp;

/// <summary>
/// Sends one outbox envelope through the Cloud API. Inside the person's 24-hour window it sends the composed
/// free-form message (<see cref="WhatsAppComposer"/>); outside it never tries free-form: it sends the fitting
/// template or throws <see cref="SendFailureKind.OutsideWindow"/>. Every failure is a <see cref="ChannelSendException"/>
/// the outbox acts on; nothing is retried here. A message that needs several requests (a very long text, a document
/// after its text) has each part the Cloud API accepted recorded before the next is sent (<see cref="PartProgress"/>),
/// so a retry or a restart resumes instead of repeating them.
/// </summary>
public sealed class WhatsAppSender : IChannelSender
{
    /// <summary>Meta counts the window from the person's last message; a small margin absorbs clock and queue skew.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1);

    /// <summary>The Cloud API's limit for an uploaded document.</summary>
    public const long MaxUploadBytes = 100L * 1024 * 1024;

    private readonly WhatsAppClient _client;
    private readonly ICustomerWindow _window;
    private readonly TimeProvider _time;
    private readonly WhatsAppOptions _options;
    private readonly ILogger<WhatsAppSender> _logger;

    public WhatsAppSender(WhatsAppClient client, ICustomerWindow window, TimeProvider time,
        IOptions<WhatsAppOptions> options, ILogger<WhatsAppSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _window = window;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    public string Channel => WhatsAppWebhookMapper.Channel;

    public long MaxDocumentBytes => MaxUploadBytes;

    public async Task<string> SendAsync(OutboundEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var to = envelope.Address.TrimStart('+');
        var template = WhatsAppComposer.TemplateFor(envelope, _options.Templates.Reminder);
        var last = await _window.LastInboundAtAsync(to, cancellationToken);
        var open = last is { } at && _time.GetUtcNow() - at < Window;

        IReadOnlyList<WhatsAppPart> parts;
        if (open)
        {
            parts = WhatsAppComposer.FreeForm(to, envelope.Message);
            if (parts.Count == 0)
            {
                throw new ChannelSendException(SendFailureKind.Permanent, $"outbox message {envelope.Id} is empty");
            }
        }
        else if (template is not null)
        {
            parts = [new WhatsAppPart(WhatsAppPayloads.Template(to, template))];
        }
        else
        {
            _logger.LogInformation("WhatsApp: outbox message {Id} held, 24-hour window closed and no template fits",
                envelope.Id);
            throw new ChannelSendException(SendFailureKind.OutsideWindow,
                $"24-hour window closed for outbox message {envelope.Id} and no template fits");
        }

        // A template is one message, sent whole: parts of a free-form attempt made before the window closed are not its.
        var progress = new PartProgress(open ? envelope : envelope with { SentParts = [] }, parts.Count);
        try
        {
            for (var i = progress.Sent; i < parts.Count; i++)
            {
                await progress.AcceptedAsync(await SendPartAsync(to, parts[i], cancellationToken));
            }
        }
        catch (WhatsAppApiException ex) when (ex.Code == WhatsAppErrorClassifier.OutsideWindowCode && open)
        {
            if (template is null)
            {
                throw WhatsAppErrorClassifier.ToSendException(ex);
            }

            // Our record of the window disagreed with Meta's; the template is the documented way out.
            _logger.LogInformation("WhatsApp: outbox message {Id} refused as outside the window (131047); " +
                "sending template {Template}", envelope.Id, template.Name);
            return await SendTemplateAsync(to, template, cancellationToken);
        }
        catch (WhatsAppApiException ex)
        {
            throw WhatsAppErrorClassifier.ToSendException(ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
        {
            throw new ChannelSendException(SendFailureKind.Transient,
                $"WhatsApp transport error for outbox message {envelope.Id}: {ex.Message}", null, false, ex);
        }

        return progress.PlatformIds;
    }

    private async Task<string> SendTemplateAsync(string to, TemplateRef template, CancellationToken ct)
    {
        var part = new WhatsAppPart(WhatsAppPayloads.Template(to, template));
        try
        {
            return await SendPartAsync(to, part, ct);
        }
        catch (WhatsAppApiException ex)
        {
            throw WhatsAppErrorClassifier.ToSendException(ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
        {
            throw new ChannelSendException(SendFailureKind.Transient, $"WhatsApp transport error: {ex.Message}",
                null, false, ex);
        }
    }

    private async Task<string> SendPartAsync(string to, WhatsAppPart part, CancellationToken ct)
    {
        var payload = part.Payload;
        if (part.DocumentPath is { } path)
        {
            var mediaId = await _client.UploadMediaAsync(path, DocumentMime(path), ct);
            payload = WhatsAppPayloads.Document(to, mediaId, Path.GetFileName(path), part.Caption);
        }

        return await _client.SendMessageAsync(payload!, ct);
    }

    private static string DocumentMime(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".XLSX" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".PDF" => "application/pdf",
        // Meta's document types include text/plain but not text/csv; the file name keeps the extension.
        ".CSV" or ".TXT" or ".JSONL" or ".JSON" => "text/plain",
        _ => "application/octet-stream",
    };
}
