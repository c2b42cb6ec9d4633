using OvopBot.Channels.Abstractions;
using OvopBot.Channels.WhatsApp;

namespace OvopBot.Tests.Channels.WhatsApp;

public sealed class DeliveryStatusOrderTests
{
    [Theory]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Delivered)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Read)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Read)]
    [InlineData(DeliveryStatus.Read, DeliveryStatus.Played)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Failed)]
    public void A_status_moves_forward(DeliveryStatus current, DeliveryStatus incoming) =>
        Assert.True(DeliveryStatusOrder.ShouldReplace(current, incoming));

    [Theory]
    [InlineData(DeliveryStatus.Read, DeliveryStatus.Delivered)]
    [InlineData(DeliveryStatus.Read, DeliveryStatus.Sent)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Sent)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Delivered)]
    [InlineData(DeliveryStatus.Played, DeliveryStatus.Read)]
    public void A_status_never_moves_backwards_or_repeats(DeliveryStatus current, DeliveryStatus incoming) =>
        Assert.False(DeliveryStatusOrder.ShouldReplace(current, incoming));

    [Theory]
    [InlineData(DeliveryStatus.Delivered)]
    [InlineData(DeliveryStatus.Read)]
    public void A_failure_reported_after_the_phone_confirmed_delivery_is_ignored(DeliveryStatus current) =>
        Assert.False(DeliveryStatusOrder.ShouldReplace(current, DeliveryStatus.Failed));

    [Theory]
    [InlineData(DeliveryStatus.Sent)]
    [InlineData(DeliveryStatus.Delivered)]
    [InlineData(DeliveryStatus.Read)]
    public void Failed_is_final(DeliveryStatus incoming) =>
        Assert.False(DeliveryStatusOrder.ShouldReplace(DeliveryStatus.Failed, incoming));

    [Fact]
    public void Any_first_status_is_recorded() =>
        Assert.All(Enum.GetValues<DeliveryStatus>(), s => Assert.True(DeliveryStatusOrder.ShouldReplace(null, s)));

    [Fact]
    public void Meta_status_words_parse_and_unknown_words_do_not()
    {
        Assert.Equal(DeliveryStatus.Read, DeliveryStatusOrder.Parse("read"));
        Assert.Equal(DeliveryStatus.Played, DeliveryStatusOrder.Parse("played"));
        Assert.Null(DeliveryStatusOrder.Parse("deleted"));
        Assert.Null(DeliveryStatusOrder.Parse(null));
    }
}
