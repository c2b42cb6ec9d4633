using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Channels.Abstractions;
using OvopBot.Understanding;

namespace OvopBot.Channels.Sms;

/// <summary>SMS through the gateway, turned on by its settings; addresses are E.164 with '+' (+62812…), whatever form was typed.</summary>
public sealed class SmsChannelModule : IChannelModule
{
    public string Name => SmsChannel.Name;

    public string NormalizeAddress(string address) => PhoneParser.Normalize(address) ?? address;

    /// <summary>SMS is paid and read at once: one reminder per pause.</summary>
    public int? RemindersPerPause => 1;

    public bool IsConfigured(IConfiguration configuration) => SmsServiceCollectionExtensions.IsConfigured(configuration);

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddSmsChannel(configuration);

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapSmsWebhook();
}
