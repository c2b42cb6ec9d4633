using Microsoft.Extensions.Configuration;
using OvopBot.Outbox;

namespace OvopBot.Tests.Outbox;

public sealed class OutboxOptionsTests
{
    [Fact]
    public void Sends_in_flight_are_set_per_channel_and_other_channels_keep_the_default()
    {
        var options = Bind(("Outbox:MaxParallelSends", "4"), ("Outbox:MaxParallelSendsPerChannel:telegram", "12"));

        Assert.Equal(12, options.ParallelSendsFor("telegram"));
        Assert.Equal(64, options.ParallelSendsFor("whatsapp"));
        Assert.Equal(4, options.ParallelSendsFor("sms"));
    }

    [Fact]
    public void The_whatsapp_default_can_be_raised_for_a_higher_tier_and_nothing_goes_below_one()
    {
        var options = Bind(("Outbox:MaxParallelSends", "0"), ("Outbox:MaxParallelSendsPerChannel:WhatsApp", "300"));

        Assert.Equal(300, options.ParallelSendsFor("whatsapp"));
        Assert.Equal(1, options.ParallelSendsFor("console"));
    }

    private static OutboxOptions Bind(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build()
            .GetSection(OutboxOptions.Section).Get<OutboxOptions>()!;
}
