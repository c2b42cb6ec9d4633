using OvopBot.Channels.Abstractions;
using OvopBot.Flows.Engine;
using OvopBot.Flows.Loading;
using OvopBot.Media;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Media;

/// <summary>Which media the step will use, so only that is downloaded: the decision against the real registration flow.</summary>
public sealed class MediaPolicyTests
{
    private static readonly FlowCatalog Catalog = FlowCatalog.Load(RepoPaths.Flows);
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 2, 0, 0, TimeSpan.Zero);

    private static SessionState At(string node, PendingKind? pending = null, TimeSpan? idle = null) => new()
    {
        FlowId = "ovop-registration", Status = SessionStatus.Active, NodeId = node, LastActivityAt = Now - (idle ?? TimeSpan.FromMinutes(1)),
        Pending = pending is { } kind ? new PendingQuestion(kind) : null,
    };

    [Theory]
    [InlineData("photo", null, InboundKind.Photo, true)]
    [InlineData("photo", null, InboundKind.Document, true)]
    [InlineData("photo", PendingKind.HelpMenu, InboundKind.Photo, true)]
    [InlineData("photo", null, InboundKind.Voice, true)] // goes to the facilitators, who get the file
    [InlineData("village", null, InboundKind.Photo, false)]
    [InlineData("village", null, InboundKind.Document, false)]
    [InlineData("village", null, InboundKind.Voice, true)]
    [InlineData("village", PendingKind.HandoffMessage, InboundKind.Voice, true)]
    [InlineData("village", PendingKind.HandoffMessage, InboundKind.Photo, false)]
    [InlineData("photo", PendingKind.ConfirmRestart, InboundKind.Photo, false)]
    [InlineData("photo", PendingKind.FinishedMenu, InboundKind.Photo, false)]
    public void Only_media_the_current_question_uses_is_wanted(string node, PendingKind? pending, InboundKind kind, bool wanted)
    {
        var flow = Catalog["ovop-registration"];

        Assert.Equal(wanted, MediaPolicy.Wants(flow, At(node, pending), kind, Now));
    }

    [Fact]
    public void Nothing_is_wanted_before_the_start_after_a_long_pause_or_at_a_node_the_flow_no_longer_has()
    {
        var flow = Catalog["ovop-registration"];

        Assert.False(MediaPolicy.Wants(flow, null, InboundKind.Photo, Now));
        Assert.False(MediaPolicy.Wants(flow, new SessionState { FlowId = flow.Id }, InboundKind.Voice, Now));
        // After a long pause the engine greets and asks again; the photo is not taken as the answer.
        Assert.False(MediaPolicy.Wants(flow, At("photo", idle: flow.ResumeAfter + TimeSpan.FromMinutes(1)), InboundKind.Photo, Now));
        Assert.False(MediaPolicy.Wants(flow, At("no_such_node"), InboundKind.Photo, Now));
        Assert.False(MediaPolicy.Wants(flow, At("photo") with { Status = SessionStatus.Submitted }, InboundKind.Photo, Now));
        // PENDAMPING before answering anything: the voice note goes to the facilitators.
        Assert.True(MediaPolicy.Wants(flow, new SessionState { FlowId = flow.Id, Pending = new PendingQuestion(PendingKind.HandoffMessage) },
            InboundKind.Voice, Now));
    }
}
