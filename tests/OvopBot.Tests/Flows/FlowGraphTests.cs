using OvopBot.Flows.Diagrams;
using OvopBot.Flows.Loading;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Flows;

/// <summary><c>flows graph</c>: a dialog flow is drawn with its entries, its actions, the inputs its waits branch on and where each end goes.</summary>
public sealed class FlowGraphTests
{
    [Fact]
    public void The_linking_dialog_is_drawn_from_its_reference_entry_to_its_ends()
    {
        var graph = MermaidGraph.Format(FlowCatalog.Load(RepoPaths.Flows)["linking"]);

        Assert.Contains("[/\"reference\"/] --> n_request", graph, StringComparison.Ordinal);
        Assert.Contains("n_check{{\"check<br/><i>link.check</i>\"}}", graph, StringComparison.Ordinal);
        Assert.Contains("n_code_wait -->|expired| n_expired", graph, StringComparison.Ordinal);
        Assert.Contains("n_code_wait -->|cancel| n_cancelled", graph, StringComparison.Ordinal);
        Assert.Contains("n_linked([\"linked<br/><i>end: resume</i>\"])", graph, StringComparison.Ordinal);
        Assert.Contains("n_expired_quiet([\"expired_quiet<br/><i>end: pass</i>\"])", graph, StringComparison.Ordinal);
    }
}
