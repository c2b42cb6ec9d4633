using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OvopBot.Channels.Abstractions;

/// <summary>
/// What the core knows of a channel: its name, how an operator writes a person's address on it
/// (<c>whatsapp:+62812…</c>) and how the store keeps it, whether the configuration turns it on, and its services and
/// endpoints. Each channel implements this in its own folder; <see cref="ChannelModules"/> lists them, one line each.
/// </summary>
public interface IChannelModule
{
    /// <summary>The channel's name in the store and in <c>channel:address</c> ("telegram").</summary>
    string Name { get; }

    /// <summary>The address as the store keeps it (WhatsApp: without '+').</summary>
    string NormalizeAddress(string address) => address;

    /// <summary>True when the configuration turns the channel on (a platform; none on means the console is used).</summary>
    bool IsConfigured(IConfiguration configuration);

    /// <summary>The channel's options, receiver, sender and helpers; called only when it is configured.</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>
    /// How many reminders one pause at a question may get on this channel (null: as many as <c>Reminders:After</c>
    /// lists). SMS says 1: it is paid, and read at once.
    /// </summary>
    int? RemindersPerPause => null;

    /// <summary>Its webhook endpoints, if any (each endpoint answers 404 when its channel is off).</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
