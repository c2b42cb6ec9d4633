using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;

namespace OvopBot.Channels.WhatsApp;

/// <summary>
/// The work behind <c>/webhooks/whatsapp</c>. GET answers Meta's verification handshake; POST checks the size and
/// signature of the raw body, maps the whole batch and commits it (messages through <see cref="IInboundSink"/>,
/// statuses through <see cref="IDeliveryStatusSink"/>) before answering 200. Anything that fails before the commit
/// answers non-200, so Meta re-delivers and nothing is lost; re-deliveries are made harmless by the sink's dedupe.
/// </summary>
public sealed class WhatsAppWebhookHandler
{
    private readonly WhatsAppOptions _options;
    private readonly IInboundSink _inbound;
    private readonly IDeliveryStatusSink _statuses;
    private readonly TimeProvider _time;
    private readonly ILogger<WhatsAppWebhookHandler> _logger;

    public WhatsAppWebhookHandler(IOptions<WhatsAppOptions> options, IInboundSink inbound, IDeliveryStatusSink statuses,
        TimeProvider time, ILogger<WhatsAppWebhookHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _inbound = inbound;
        _statuses = statuses;
        _time = time;
        _logger = logger;
    }

    /// <summary>GET: echo <c>hub.challenge</c> when the mode is "subscribe" and the verify token matches; else 403.</summary>
    public IResult Verify(string? mode, string? verifyToken, string? challenge)
    {
        var expected = Encoding.UTF8.GetBytes(_options.VerifyToken ?? "");
        var given = Encoding.UTF8.GetBytes(verifyToken ?? "");
        if (mode == "subscribe" && expected.Length > 0 && challenge is not null
            && CryptographicOperations.FixedTimeEquals(expected, given))
        {
            _logger.LogInformation("WhatsApp webhook verified by Meta");
            return Results.Text(challenge, "text/plain", Encoding.UTF8);
        }

        _logger.LogWarning("WhatsApp webhook verification refused (mode '{Mode}', token mismatch or missing)", mode);
        return Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    /// <summary>POST: 413 too large, 401 bad signature, 400 not JSON, 500 not committed, 200 committed.</summary>
    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await WebhookBody.ReadCappedAsync(request, _options.MaxWebhookBodyBytes, cancellationToken);
        if (body is null)
        {
            _logger.LogWarning("WhatsApp webhook refused: body over {Max} bytes", _options.MaxWebhookBodyBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var signature = request.Headers[WhatsAppWebhookSignature.HeaderName].ToString();
        if (!WhatsAppWebhookSignature.IsValid(signature.Length == 0 ? null : signature, body, _options.AppSecret!))
        {
            _logger.LogWarning("WhatsApp webhook refused: {State} {Header}",
                signature.Length == 0 ? "missing" : "wrong", WhatsAppWebhookSignature.HeaderName);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        WhatsAppWebhookBatch batch;
        try
        {
            using var doc = JsonDocument.Parse(body);
            batch = WhatsAppWebhookMapper.Map(doc.RootElement, _options.PhoneNumberId, _time.GetUtcNow());
        }
        catch (JsonException ex)
        {
            _logger.LogWarning("WhatsApp webhook refused: malformed JSON ({Reason})", ex.Message);
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        }

        foreach (var note in batch.Ignored)
        {
            _logger.LogInformation("WhatsApp webhook: ignored {Note}", note);
        }

        try
        {
            var fresh = batch.Messages.Count > 0 ? await _inbound.AcceptAsync(batch.Messages, cancellationToken) : 0;
            if (batch.Statuses.Count > 0)
            {
                await _statuses.RecordAsync(batch.Statuses, cancellationToken);
            }

            _logger.LogInformation("WhatsApp webhook: {Messages} messages ({Fresh} new), {Statuses} statuses committed",
                batch.Messages.Count, fresh, batch.Statuses.Count);
            return Results.Ok();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not committed: a non-200 makes Meta deliver the batch again later, which the dedupe makes safe.
            _logger.LogError(ex, "WhatsApp webhook: committing {Messages} messages and {Statuses} statuses failed",
                batch.Messages.Count, batch.Statuses.Count);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
    }
}
