namespace OvopBot.Channels.Abstractions;

/// <summary>Why a message is sent; conversation replies always go before broadcasts and reminders.</summary>
public enum OutboundKind
{
    Reply = 0,
    Reminder = 1,
    Broadcast = 2,
}
