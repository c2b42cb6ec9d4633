using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OvopBot.Channels.Abstractions;
using OvopBot.Channels.Telegram.Api;

namespace OvopBot.Channels.Telegram;

/// <summary>
/// <c>POST /webhooks/telegram</c>: refuses a missing or wrong <c>X-Telegram-Bot-Api-Secret-Token</c> (401) and a
/// body that is not an update (400), commits the update through <see cref="IInboundSink"/> and only then answers
/// 200. Any failure to commit answers 500, so Telegram delivers the update again. A callback query is answered in
/// the response body (the Bot API's "method in the webhook reply"), which costs no extra round trip.
/// </summary>
public static class TelegramWebhookEndpoint
{
    public const string Path = "/webhooks/telegram";

    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static IEndpointConventionBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, HandleAsync);

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var mapper = services.GetService<TelegramUpdateMapper>();
        var options = services.GetService<IOptions<TelegramOptions>>()?.Value;
        if (mapper is null || options is null || options.Mode != TelegramMode.Webhook)
        {
            // The channel is off or polling: behave as if there were no such endpoint.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!SecretMatches(context.Request.Headers[SecretHeader].ToString(), options.WebhookSecret))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, TelegramClient.Json,
                context.RequestAborted);
        }
        catch (JsonException)
        {
            update = null;
        }

        if (update is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TelegramWebhookEndpoint));
        try
        {
            if (mapper.Map(update) is { } message)
            {
                await services.GetRequiredService<IInboundSink>().AcceptAsync([message], context.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Telegram update {UpdateId} not committed; Telegram will deliver it again",
                update.UpdateId);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        if (update.CallbackQuery is { } callback)
        {
            await context.Response.WriteAsJsonAsync(
                new { method = "answerCallbackQuery", callback_query_id = callback.Id }, context.RequestAborted);
        }
    }

    /// <summary>Constant-time comparison, so the answer time does not reveal how much of a guess was right.</summary>
    private static bool SecretMatches(string presented, string? expected) =>
        !string.IsNullOrEmpty(expected) && presented.Length > 0
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
