namespace OvopBot.Channels.Telegram;

/// <summary>How updates reach the service: by asking (long polling, the default) or by being called.</summary>
public enum TelegramMode
{
    Polling,
    Webhook,
}
